import { App, Space, Switch, Typography } from 'antd';

/**
 * The office's 显示完整信息 toggle. Turning it on asks first, because the server writes every
 * unmasked view (who, when, which records) to the audit log.
 */
export function UnmaskSwitch({ value, onChange }: { value: boolean; onChange: (on: boolean) => void }) {
  const { modal } = App.useApp();
  return (
    <Space size={6}>
      <Switch
        size="small"
        checked={value}
        data-testid="unmask-toggle"
        onChange={(on) => {
          if (!on) return onChange(false);
          modal.confirm({
            title: '显示完整的姓名和身份证号码？',
            content: '本次查看将记入审计日志（查看人、时间、查看了哪些记录）。请仅在核实问题确有需要时使用。',
            okText: '显示并记录',
            cancelText: '取消',
            onOk: () => onChange(true),
          });
        }}
      />
      <Typography.Text>显示完整信息</Typography.Text>
    </Space>
  );
}

/** The notice shown while personal data is unmasked. */
export const UNMASKED_NOTICE = '正在显示完整的姓名和身份证号码，本次查看已记入审计日志。';
