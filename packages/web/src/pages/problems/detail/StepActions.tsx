import { closeBlockedBy, groupSubmitBlockedBy } from '@paicha/core';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { problemsApi } from '../../../api/problems';
import type { ProblemDetail } from '../../../api/problemTypes';
import type { SessionUser } from '../../../api/types';
import { canWorkOn, isUnitClerk } from '../../../components/problemRoles';
import { AssignModal } from './AssignModal';
import { ProgressModal } from './ProgressModal';
import { StepModal, type StepModalProps } from './StepModal';

type Step = 'progress' | 'submit' | 'close' | 'return' | 'reopen' | 'assign';

interface Props {
  user: SessionUser;
  detail: ProblemDetail;
  onDone: (d: ProblemDetail) => void;
  onReload: () => Promise<unknown>;
}

type TextStep = Omit<StepModalProps, 'onDone' | 'onReload' | 'onClose'>;

/** The steps the signed-in user may take now, by role and status; each opens its dialog. */
export function StepActions({ user, detail, onDone, onReload }: Props) {
  const [open, setOpen] = useState<Step>();
  const p = detail.problem;
  const v = p.version;
  const office = user.role === 'admin';
  const unit = canWorkOn(user, p);
  const hasEvidence = detail.events.some((e) => e.attachments.length > 0);
  // The server's own rule, asked before the dialog: a refusal after confirming wastes the review.
  const closeBlocked = closeBlockedBy(p);
  // A 数据比对 group goes to 销号 only when every one of its findings is done.
  const submitBlocked =
    groupSubmitBlockedBy(p.findings) ??
    (hasEvidence ? null : '还没有佐证材料：请先在“记录整改进展”中上传整改照片、文件等，再提交销号');

  const textSteps: Partial<Record<Step, TextStep>> = {
    submit: {
      title: '提交销号',
      okText: '确认提交',
      testId: 'submit',
      intro: '提交后由领导小组办公室审核，审核期间不能修改问题或记录进展。',
      label: '整改情况说明',
      required: false,
      placeholder: '不填则为“整改完成，申请销号”',
      run: (text) => problemsApi.submit(p.id, { version: v, text }),
    },
    close: {
      title: '审核销号',
      okText: '确认销号',
      testId: 'close',
      intro: `确认${p.unit.name}已整改到位、佐证材料齐全，予以销号。销号后不能再修改，如需重新整改须“重新打开”。`,
      label: '审核意见',
      required: false,
      placeholder: '不填则为“审核通过，予以销号”',
      run: (text) => problemsApi.close(p.id, { version: v, text }),
    },
    return: {
      title: '退回整改',
      okText: '确认退回',
      testId: 'return',
      danger: true,
      intro: `退回后${p.unit.name}将看到退回理由，继续整改后重新提交销号。`,
      label: '退回理由',
      required: true,
      placeholder: '请写明需要补充或改正的内容',
      run: (reason) => problemsApi.returnIt(p.id, { version: v, reason }),
    },
    reopen: {
      title: '重新打开',
      okText: '确认重新打开',
      testId: 'reopen',
      danger: true,
      intro: '问题将回到“整改中”，由责任单位继续整改并重新提交销号。',
      label: '重新打开理由',
      required: true,
      run: (reason) => problemsApi.reopen(p.id, { version: v, reason }),
    },
  };

  const buttons: React.ReactNode[] = [];
  if (unit) {
    buttons.push(
      <Button key="progress" type="primary" onClick={() => setOpen('progress')} data-testid="step-progress">
        记录整改进展
      </Button>,
      <Tooltip key="submit" title={submitBlocked}>
        <Button disabled={submitBlocked !== null} onClick={() => setOpen('submit')} data-testid="step-submit">
          提交销号
        </Button>
      </Tooltip>,
    );
  }
  if (office && p.status === 'awaiting_review') {
    buttons.push(
      <Tooltip key="close" title={closeBlocked}>
        <Button
          type="primary"
          disabled={closeBlocked !== null}
          onClick={() => setOpen('close')}
          data-testid="step-close"
        >
          销号
        </Button>
      </Tooltip>,
      <Button key="return" danger onClick={() => setOpen('return')} data-testid="step-return">
        退回
      </Button>,
    );
  }
  if (office && p.status === 'closed') {
    buttons.push(
      <Button key="reopen" onClick={() => setOpen('reopen')} data-testid="step-reopen">
        重新打开
      </Button>,
    );
  }
  if (office && p.status !== 'closed') {
    buttons.push(
      <Button key="assign" onClick={() => setOpen('assign')} data-testid="step-assign">
        交办
      </Button>,
    );
  }

  let note = '';
  if (isUnitClerk(user, p.unit.id) && p.status === 'awaiting_review')
    note = '已提交销号，等待领导小组办公室审核。';
  else if (isUnitClerk(user, p.unit.id) && p.status === 'closed') note = '该问题已销号。';
  else if (unit && groupSubmitBlockedBy(p.findings)) note = groupSubmitBlockedBy(p.findings) ?? '';
  else if (unit && !hasEvidence) note = '提交销号前须至少上传一份佐证材料。';
  else if (office && p.status === 'awaiting_review' && closeBlocked) note = closeBlocked;
  else if (!buttons.length) note = '您可以查看该问题，办理由责任单位和领导小组办公室进行。';

  const close = () => setOpen(undefined);
  const text = open ? textSteps[open] : undefined;
  return (
    <>
      <Space wrap data-testid="step-actions">
        {buttons}
        {note && <Typography.Text type="secondary">{note}</Typography.Text>}
      </Space>
      {text && <StepModal {...text} onDone={onDone} onReload={onReload} onClose={close} />}
      {open === 'progress' && (
        <ProgressModal problem={p} userId={user.id} onDone={onDone} onReload={onReload} onClose={close} />
      )}
      {open === 'assign' && <AssignModal problem={p} onDone={onDone} onReload={onReload} onClose={close} />}
    </>
  );
}
