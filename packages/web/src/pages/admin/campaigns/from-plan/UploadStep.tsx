import type { PlanPreview } from '@paicha/core/api/campaign-import';
import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { campaignsApi } from '../../../../api/endpoints';
import { FileDrop } from '../../../../components/FileDrop';
import { draftFromPreview, type PlanDraft } from './planDraft';

/** Step 1: the plan's .docx or its 任务分解表 .xlsx; the server reads it, nothing is stored yet. */
export function UploadStep(props: {
  current: PlanPreview | null;
  onPreview: (draft: PlanDraft) => void;
  onNext?: () => void;
}) {
  const [percent, setPercent] = useState<number>();
  const [failure, setFailure] = useState<string>();

  async function upload(file: File) {
    setFailure(undefined);
    setPercent(0);
    try {
      props.onPreview(draftFromPreview(await campaignsApi.planPreview(file, { onProgress: setPercent })));
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setPercent(undefined);
    }
  }

  return (
    <div data-testid="plan-upload-step">
      <Typography.Paragraph type="secondary">
        上传工作方案的 Word 文件（.docx，从其中的表格读取任务分解表，并从正文读取标题、文号和时间安排），
        或单独的任务分解表（.xlsx，需有“序号、排查项目、排查内容、责任单位”列）。上传后先预览，
        核对无误、确定未识别的责任单位后才创建活动。
      </Typography.Paragraph>
      {props.current && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`已读取“${props.current.fileName}”：${props.current.items.length} 项排查事项`}
          description="重新上传会替换这份文件，已作的责任单位决定和填写的活动信息将按新文件重新开始。"
          action={
            props.onNext && (
              <Button type="primary" onClick={props.onNext}>
                继续
              </Button>
            )
          }
        />
      )}
      <FileDrop
        accept=".docx,.xlsx"
        text="点击或拖入工作方案（.docx）或任务分解表（.xlsx）"
        percent={percent}
        processing="正在读取表格…"
        onFile={(f) => void upload(f)}
        testId="plan-upload"
      />
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          message={failure}
          data-testid="plan-upload-error"
        />
      )}
    </div>
  );
}
