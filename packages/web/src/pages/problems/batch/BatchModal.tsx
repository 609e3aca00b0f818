import { Alert, App, Button, Form, Table, type UploadFile } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, errorMessage } from '../../../api/client';
import { problemsApi } from '../../../api/problems';
import type { Attachment, BatchRefusal, BatchRefusedDetails, Problem } from '../../../api/problemTypes';
import { uploadState } from '../../../components/EvidenceUpload';
import { FormModal } from '../../../components/FormModal';
import { testIdRow } from '../../../components/rowProps';
import { BatchFields, type BatchValues } from './BatchFields';
import { BATCH_LABELS, BATCH_VERBS, type BatchKind } from './batchRules';

interface Props {
  kind: BatchKind;
  problems: Problem[];
  /** After the batch went through: clear the selection and reload the list. */
  onDone: () => void;
  /** Untick the refused problems, so the rest can be sent again. */
  onDrop: (ids: number[]) => void;
  onClose: () => void;
}

const INTRO: Record<BatchKind, string> = {
  close: '确认所选问题均已整改到位、佐证材料齐全，予以销号。',
  return: '所选问题将以同一理由退回责任单位继续整改。',
  assign: '所选问题将交办给同一单位，整改状态和办理记录保持不变。',
  progress: '同一条整改进展（和佐证材料）将记入所选每个问题的办理记录。',
};

/**
 * The batch's dialog: it states the count, takes the one input, and sends every problem with the
 * version it was listed at. All or nothing: when the server refuses some, the dialog stays open
 * and lists each refused problem with its reason; nothing was changed.
 */
export function BatchModal({ kind, problems, onDone, onDrop, onClose }: Props) {
  const [form] = Form.useForm<BatchValues>();
  const [files, setFiles] = useState<UploadFile<Attachment>[]>([]);
  const [refused, setRefused] = useState<BatchRefusedDetails>();
  const { message } = App.useApp();
  const uploads = uploadState(files);
  const verb = BATCH_VERBS[kind];
  const items = problems.map((p) => ({ id: p.id, version: p.version }));

  async function submit(v: BatchValues) {
    setRefused(undefined);
    const text = (v.text ?? '').trim();
    const reason = (v.reason ?? '').trim();
    const done =
      kind === 'close'
        ? await problemsApi.closeMany({ items, text })
        : kind === 'return'
          ? await problemsApi.returnMany({ items, reason })
          : kind === 'assign'
            ? await problemsApi.assignMany({
                items,
                unitId: v.unitId as number,
                ...(v.deadline ? { deadline: v.deadline } : {}),
                ...(v.workingDays ? { workingDays: v.workingDays } : {}),
                reason,
              })
            : await problemsApi.progressMany({
                items,
                date: v.date as string,
                text,
                attachmentIds: uploads.ids,
              });
    message.success(`已${verb} ${done.done} 个问题`);
    onDone();
  }

  const byId = new Map(problems.map((p) => [p.id, p]));
  return (
    <FormModal<BatchValues>
      width={kind === 'progress' || refused ? 720 : 560}
      title={`${BATCH_LABELS[kind]}（${problems.length} 个问题）`}
      okText={`确认${verb} ${problems.length} 个问题`}
      cancelText="取消"
      okButtonProps={{
        danger: kind === 'return',
        disabled: uploads.busy,
        'data-testid': 'batch-ok',
      }}
      maskClosable={false}
      form={form}
      formProps={{ 'data-testid': 'batch-form' }}
      submit={submit}
      failure={{}}
      explain={(e) => {
        if (e instanceof ApiError && e.code === 'batch_refused') {
          setRefused(e.details as BatchRefusedDetails);
          return null;
        }
        return errorMessage(e);
      }}
      onClose={onClose}
      intro={
        <>
          <p data-testid="batch-intro">
            将对所选 <b>{problems.length}</b> 个问题{verb}。{INTRO[kind]}
            每个问题单独记入办理记录；任一问题不能{verb}时，全部不办理。
          </p>
          {refused && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="batch-refused"
              message={`所选 ${refused.total} 个问题中有 ${refused.refused.length} 个不能${verb}，本次均未办理`}
              description={
                <RefusedTable
                  rows={refused.refused}
                  byId={byId}
                  onDrop={() => {
                    onDrop(refused.refused.map((r) => r.id));
                    onClose();
                  }}
                />
              }
            />
          )}
        </>
      }
    >
      <BatchFields kind={kind} files={files} onFiles={setFiles} />
    </FormModal>
  );
}

function RefusedTable(p: { rows: BatchRefusal[]; byId: Map<number, Problem>; onDrop: () => void }) {
  return (
    <>
      <Table<BatchRefusal>
        size="small"
        rowKey="id"
        pagination={p.rows.length > 8 ? { pageSize: 8, size: 'small' } : false}
        dataSource={p.rows}
        onRow={(r) => testIdRow('batch-refused-row', { 'data-id': r.id })}
        columns={[
          {
            title: '编号',
            dataIndex: 'id',
            width: 80,
            render: (id: number) => (
              <Link to={`/problems/${id}`} target="_blank">
                {id}
              </Link>
            ),
          },
          {
            title: '问题',
            key: 'problem',
            ellipsis: true,
            render: (_, r) => {
              const pr = p.byId.get(r.id);
              return pr ? `${pr.unit.name}：${pr.description}` : '';
            },
          },
          { title: '不能办理的原因', dataIndex: 'message' },
        ]}
      />
      <Button size="small" style={{ marginTop: 8 }} onClick={p.onDrop} data-testid="batch-drop-refused">
        取消勾选这些问题，返回列表
      </Button>
    </>
  );
}
