// 按台账生成 and 其余事项填未发现问题: the clerk's two shortcuts for writing the table from the
// ledger. Empty cells are filled at once; a typed cell is overwritten only after the clerk agrees.
import { DatabaseOutlined, FileDoneOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { type MonthlyReport, reportsApi } from '../../api/reports';
import type { VersionedEditor } from '../../hooks/useVersionedEditor';
import { type Fill, ledgerFill, noProblemFill } from './reportChecks';
import type { Draft } from './reportDraft';

const withFills = (d: Draft, fills: readonly Fill[]): Draft => ({
  ...d,
  rows: { ...d.rows, ...Object.fromEntries(fills.map((f) => [f.seq, f.texts])) },
});

export function LedgerFillButtons({ editor }: { editor: VersionedEditor<MonthlyReport, Draft> }) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const { view, draft, update } = editor;
  if (!view || !draft || !view.can.save) return null;

  const fromLedger = async () => {
    setBusy(true);
    try {
      const ledger = await reportsApi.ledgerTexts(view.campaignId, view.period, view.unit.id);
      const { safe, overwrites } = ledgerFill(draft.rows, ledger.rows);
      if (safe.length) update((d) => withFills(d, safe));
      if (ledger.rows.length === 0) message.info('台账中本单位没有问题记录，无可生成的内容');
      else if (overwrites.length === 0) message.success(`已按台账填写${safe.length}项`);
      else
        modal.confirm({
          title: '覆盖已填写的内容？',
          content: `${safe.length ? `已按台账填写空白的${safe.length}项。` : ''}第${overwrites.map((f) => f.seq).join('、')}项已填写的内容与台账不同，是否用台账生成的内容覆盖？`,
          okText: '覆盖',
          cancelText: '保留已填内容',
          okButtonProps: { 'data-testid': 'ledger-overwrite-ok' },
          onOk: () => update((d) => withFills(d, overwrites)),
        });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const noProblems = () => {
    const fills = noProblemFill(view, draft.rows);
    if (fills.length === 0) return void message.info('没有需要填写的空白项（台账无问题且排查情况为空）');
    update((d) => withFills(d, fills));
    message.success(`已为${fills.length}项填写“经排查，未发现问题。”`);
  };

  return (
    // Its own Space: the toolbar's Space spaces its children, and these two are one child there.
    <Space wrap>
      <Tooltip title="按问题台账写出有问题事项的排查情况、整改措施、整改进度；已填写的内容覆盖前会先询问">
        <Button
          icon={<DatabaseOutlined />}
          loading={busy}
          onClick={() => void fromLedger()}
          data-testid="fill-from-ledger"
        >
          按台账生成
        </Button>
      </Tooltip>
      <Tooltip title="台账中没有问题、排查情况仍空白的事项，填写“经排查，未发现问题。”">
        <Button icon={<FileDoneOutlined />} onClick={noProblems} data-testid="fill-no-problems">
          其余事项填未发现问题
        </Button>
      </Tooltip>
    </Space>
  );
}
