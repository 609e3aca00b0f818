// The review workflow both monthly reports (月报) and milestone submissions (节点报送) follow:
// the unit saves drafts and its head submits; the office accepts, returns or unlocks with a
// reason. useReviewSteps runs the steps (one at a time, errors kept for the banner, a version
// conflict answered by reloading), ReviewButtons shows the ones the server allows.
import { CheckOutlined, RollbackOutlined, SendOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import type { Allowed, ReportAction } from '../../api/reports';
import { useUser } from '../../auth/AuthContext';
import { ReasonModal } from './ReasonModal';

type Step = Exclude<ReportAction, 'save'>;

interface Reviewed {
  version: number;
  can: Allowed;
  unit: { id: number; name: string };
}

/** What the versioned editor (hooks/useVersionedEditor) offers the controls. */
export interface ReviewEditor<V extends Reviewed> {
  view: V | undefined;
  dirty: boolean;
  save(): Promise<V | undefined>;
  reload(): Promise<V | undefined>;
  adopt(view: V): void;
}

export interface ReviewTexts {
  /** The confirmation before submitting. */
  submitTitle: string;
  submitContent: string;
  /** Said first, as a warning, when submitting now is late (reportChecks.ts lateNotice). */
  late?: string | null;
  submitted: string;
  unlocked: string;
}

export function useReviewSteps<V extends Reviewed>(
  editor: ReviewEditor<V>,
  step: (action: Step, body: { version: number; reason?: string; explanation?: string }) => Promise<V>,
  texts: ReviewTexts,
) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();

  async function run(name: string, fn: () => Promise<void>) {
    setBusy(name);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      // A conflict on save is explained by the editor's conflict banner; everything else is
      // shown here, and after a conflict on a step the latest version is loaded (unless the
      // clerk has unsaved changes, which the banner then offers to keep or drop).
      if (e instanceof ApiError && e.code === 'version_conflict' && name === 'save') return;
      if (e instanceof ApiError && e.code === 'version_conflict') {
        const latest = await editor.reload();
        if (latest && !editor.dirty) editor.adopt(latest);
      }
      setError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  }

  /** The view as stored: saved first when there are changes or it was never saved. */
  const saved = async () => {
    const view = editor.view;
    return editor.dirty || !view || view.version === 0 ? await editor.save() : view;
  };

  const save = () =>
    run('save', async () => {
      await editor.save();
      message.success('草稿已保存');
    });

  const submit = () =>
    modal.confirm({
      title: texts.submitTitle,
      content: texts.late ? (
        <>
          <Alert
            type="error"
            showIcon
            data-testid="late-notice"
            message={texts.late}
            style={{ marginBottom: 8 }}
          />
          {texts.submitContent}
        </>
      ) : (
        texts.submitContent
      ),
      okText: '报送',
      cancelText: '取消',
      onOk: () =>
        run('submit', async () => {
          const base = await saved();
          if (!base) return;
          editor.adopt(await step('submit', { version: base.version }));
          message.success(texts.submitted);
        }),
    });

  /** Submits with extra fields (a dialog of the caller's own); failures are thrown to that dialog. */
  const submitWith = async (extra: { explanation?: string | undefined }) => {
    const base = await saved();
    if (!base) return;
    editor.adopt(
      await step('submit', {
        version: base.version,
        ...(extra.explanation ? { explanation: extra.explanation } : {}),
      }),
    );
    message.success(texts.submitted);
  };

  const decide = (action: 'accept' | 'return' | 'unlock', reason?: string) =>
    run(action, async () => {
      const view = editor.view;
      if (!view) return;
      editor.adopt(await step(action, { version: view.version, ...(reason ? { reason } : {}) }));
      message.success({ accept: '已审核通过', return: '已退回', unlock: texts.unlocked }[action]);
    });

  return { busy, error, clearError: () => setError(undefined), run, saved, save, submit, submitWith, decide };
}

/**
 * 审核并报送 / 审核通过 / 退回 / 解锁 as the server allows them; the unit's head may submit
 * straight from a draft. Test ids: submit-<what>, accept-<what>, return-<what>, unlock-<what>.
 */
export function ReviewButtons<V extends Reviewed>(props: {
  view: V;
  steps: ReturnType<typeof useReviewSteps<V>>;
  testIdSuffix: string;
  /** Replaces the plain confirmation before submitting (the monthly report's own dialog). */
  onSubmit?: () => void;
  /** 退回 / 解锁 dialog: title and the hint under the reason. */
  reasonTitle: (action: 'return' | 'unlock') => string;
  reasonHint: (action: 'return' | 'unlock') => string;
}) {
  const { view, steps, testIdSuffix: what } = props;
  const user = useUser();
  const [reason, setReason] = useState<'return' | 'unlock'>();
  const isHead = user.role === 'unit_head' && user.unit.id === view.unit.id;
  return (
    <>
      {(view.can.submit || (isHead && view.can.save)) && (
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={steps.busy === 'submit'}
          onClick={props.onSubmit ?? steps.submit}
          data-testid={`submit-${what}`}
        >
          审核并报送
        </Button>
      )}
      {view.can.accept && (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={steps.busy === 'accept'}
          onClick={() => void steps.decide('accept')}
          data-testid={`accept-${what}`}
        >
          审核通过
        </Button>
      )}
      {view.can.return && (
        <Button
          danger
          icon={<RollbackOutlined />}
          onClick={() => setReason('return')}
          data-testid={`return-${what}`}
        >
          退回
        </Button>
      )}
      {view.can.unlock && (
        <Button icon={<UnlockOutlined />} onClick={() => setReason('unlock')} data-testid={`unlock-${what}`}>
          解锁
        </Button>
      )}
      {reason && (
        <ReasonModal
          title={props.reasonTitle(reason)}
          okText={reason === 'return' ? '退回' : '解锁'}
          hint={props.reasonHint(reason)}
          onOk={(r) => steps.decide(reason, r)}
          onClose={() => setReason(undefined)}
        />
      )}
    </>
  );
}

/** The banner for a step that failed; closable. */
export function StepError(props: { steps: { error?: string | undefined; clearError(): void } }) {
  if (!props.steps.error) return null;
  return (
    <Alert
      type="error"
      showIcon
      closable
      style={{ marginTop: 12 }}
      message={props.steps.error}
      data-testid="action-error"
      onClose={props.steps.clearError}
    />
  );
}
