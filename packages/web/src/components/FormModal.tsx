// The dialog every form in a modal shares: OK validates the fields, runs `submit` with the
// values (spinner on OK meanwhile), and closes once it resolved; a failure keeps the dialog and
// everything typed, shown as a toast or — with `failure` — in an Alert above the form.
// Mounted only while open (the caller renders it conditionally), so each opening starts from
// `initialValues` with no error left over from the last one.
import {
  Alert,
  App,
  Form,
  type FormInstance,
  type FormProps,
  Modal,
  type ModalFuncProps,
  type ModalProps,
} from 'antd';
import type { ReactNode } from 'react';
import { type ActionOptions, useAction } from '../hooks/useAction';
import { validValues } from './validValues';

export interface FormModalProps<T> extends Omit<ModalProps, 'open' | 'onOk' | 'confirmLoading' | 'children'> {
  form: FormInstance<T>;
  /** Props of the Form inside (name, data-testid, initialValues …); layout is vertical. */
  formProps?: Omit<FormProps<T>, 'form'> & { 'data-testid'?: string };
  /** Runs with the validated values; the dialog closes when it resolves and stays when it throws. */
  submit: (values: T) => Promise<unknown>;
  onClose: () => void;
  /** A confirmation asked after validation, before `submit` (its OK runs the submit). */
  confirm?: (values: T) => Omit<ModalFuncProps, 'onOk'>;
  /** Show the error in an Alert above the form: `title` as its heading, `testId` on it. */
  failure?: { title?: string; testId?: string };
  explain?: ActionOptions['explain'];
  /** Above the error and the form: what the dialog does, a conflict banner. */
  intro?: ReactNode;
  /** The form's fields. */
  children: ReactNode;
}

export function FormModal<T>(props: FormModalProps<T>) {
  const { form, formProps, submit, onClose, confirm, failure, explain, intro, children, ...modalProps } =
    props;
  const { modal } = App.useApp();
  const action = useAction(
    async (values: T) => {
      await submit(values);
      onClose();
    },
    { inline: !!failure, explain },
  );

  async function ok() {
    const values = await validValues(form);
    if (!values) return;
    if (confirm) modal.confirm({ ...confirm(values), onOk: () => action.run(values) });
    else await action.run(values);
  }

  return (
    <Modal open onOk={() => void ok()} confirmLoading={action.busy} onCancel={onClose} {...modalProps}>
      {intro}
      {action.failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={failure?.title ?? action.failure}
          description={failure?.title ? action.failure : undefined}
          data-testid={failure?.testId}
        />
      )}
      <Form<T> form={form} layout="vertical" {...formProps}>
        {children}
      </Form>
    </Modal>
  );
}
