// A clerk's command against the server: busy while it runs (for the button's spinner), and when it
// fails the server's Chinese message is shown — as a toast, or kept for an Alert beside the form
// (`inline`). `run` never rejects, so a click handler needs no try/catch of its own.
import { App } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../api/client';

export interface ActionOptions {
  /** Keep the message in `failure` (for an Alert) instead of a toast. */
  inline?: boolean;
  /**
   * The text to show for an error, or null when the caller dealt with it (messages put beside
   * their fields, a version conflict with its own banner). Default: the server's message.
   */
  explain?: (e: unknown) => string | null;
}

export interface Action<A extends unknown[], R> {
  /** Runs the command; resolves to its result, or undefined when it failed. */
  run: (...args: A) => Promise<R | undefined>;
  busy: boolean;
  /** The arguments of the call in flight, so a table shows the spinner on the right row. */
  pending: A | undefined;
  /** With `inline`: the last failure's message, cleared when the command runs again. */
  failure: string | undefined;
  clearFailure: () => void;
}

export function useAction<A extends unknown[], R>(
  command: (...args: A) => Promise<R>,
  options: ActionOptions = {},
): Action<A, R> {
  const { message } = App.useApp();
  const [pending, setPending] = useState<A>();
  const [failure, setFailure] = useState<string>();
  // The latest render's command and options: a handler created before a re-render still runs
  // with the current props and state.
  const latest = useRef({ command, options });
  latest.current = { command, options };

  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      const { command: now, options: opts } = latest.current;
      setPending(args);
      setFailure(undefined);
      try {
        return await now(...args);
      } catch (e) {
        const text = opts.explain ? opts.explain(e) : errorMessage(e);
        if (text !== null) {
          if (opts.inline) setFailure(text);
          else message.error(text);
        }
        return undefined;
      } finally {
        setPending(undefined);
      }
    },
    [message],
  );

  const clearFailure = useCallback(() => setFailure(undefined), []);
  return { run, busy: pending !== undefined, pending, failure, clearFailure };
}
