import { FINDING_VERIFICATION_LABELS, type FindingVerification } from '@paicha/core';
import { Tag, Typography } from 'antd';
import type { Finding } from '../../api/householdTypes';

const COLORS: Record<FindingVerification, string> = {
  pending: 'default',
  confirmed: 'orange',
  disputed: 'purple',
  dispute_accepted: 'green',
  rectified: 'blue',
};

/** The street's verdict on a finding (待核实, 属实, …). */
export function VerificationTag({ state }: { state: FindingVerification }) {
  return (
    <Tag color={COLORS[state]} data-testid="finding-verification" data-state={state}>
      {FINDING_VERIFICATION_LABELS[state]}
    </Tag>
  );
}

/** The verdict and, under it, the village cadre the finding is assigned to. */
export function VerificationCell({ f }: { f: Finding }) {
  return (
    <>
      <VerificationTag state={f.verification} />
      {f.assignee && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {f.assignee.name}
        </Typography.Text>
      )}
    </>
  );
}

export const VERIFICATION_OPTIONS = (Object.keys(FINDING_VERIFICATION_LABELS) as FindingVerification[]).map(
  (v) => ({ value: v, label: FINDING_VERIFICATION_LABELS[v] }),
);
