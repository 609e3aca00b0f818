// Import the office's calendar from .xlsx / .csv (日期, 类型, 名称): checked first, stored only
// if every row is good; the per-row report shows what to fix.
import { Alert, Button, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { type CalendarImportReport, calendarApi } from '../../../api/calendar';
import { rowErrorColumns, rowErrorKey } from '../../../components/rowErrorColumns';
import { useAction } from '../../../hooks/useAction';

export function CalendarImport({ onImported }: { onImported: () => void }) {
  const [report, setReport] = useState<CalendarImportReport>();
  const upload = useAction(
    async (file: File) => {
      const r = await calendarApi.importFile(file, 'all');
      setReport(r);
      if (r.imported > 0) onImported();
    },
    { inline: true },
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload
        accept=".xlsx,.csv"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload.run(file);
          return false;
        }}
      >
        <Button loading={upload.busy} data-testid="calendar-import">
          导入节假日（.xlsx / .csv）
        </Button>
      </Upload>
      {upload.failure && (
        <Alert type="error" showIcon message={upload.failure} data-testid="calendar-import-error" />
      )}
      {report && report.rejected === 0 && (
        <Alert
          type="success"
          showIcon
          message={`已导入 ${report.imported} 天`}
          data-testid="calendar-import-ok"
        />
      )}
      {report && report.rejected > 0 && (
        <>
          <Alert
            type="error"
            showIcon
            data-testid="calendar-import-rejected"
            message={`共 ${report.rows} 行，其中 ${report.rejected} 行有误，未导入任何数据。请修改后重新导入。`}
          />
          <Table
            size="small"
            rowKey={rowErrorKey}
            dataSource={report.errors}
            columns={rowErrorColumns(report.errors, '内容')}
            pagination={false}
          />
        </>
      )}
    </Space>
  );
}
