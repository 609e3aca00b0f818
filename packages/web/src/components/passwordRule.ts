import { passwordProblem } from '@paicha/core';
import type { FormRule } from 'antd';

export { PASSWORD_POLICY_HINT } from '@paicha/core';

/**
 * The server's password policy (@paicha/core passwordProblem) as a form rule, so the user reads
 * the same message beside the field before submitting that the server would answer.
 */
export function passwordRule(username: () => string | undefined): FormRule {
  return {
    validator: (_, value: string | undefined) => {
      if (!value) return Promise.resolve();
      const problem = passwordProblem(value, username());
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
}
