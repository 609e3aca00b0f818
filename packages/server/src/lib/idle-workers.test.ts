// Kept workers: a handed-back thread serves the next take without its old listeners, and one that
// stopped while kept is not handed out.
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { IdleWorkers } from './idle-workers.js';

const ECHO = `require('node:worker_threads').parentPort.on('message', (m) => {
  if (m === 'exit') process.exit(0);
  require('node:worker_threads').parentPort.postMessage(m);
});`;

const started: Worker[] = [];
const start = async () => {
  const w = new Worker(ECHO, { eval: true });
  started.push(w);
  await new Promise((resolve) => w.once('online', resolve));
  return w;
};
const echo = (w: Worker, m: string) =>
  new Promise<unknown>((resolve) => {
    w.once('message', resolve);
    w.postMessage(m);
  });

afterEach(async () => {
  await Promise.all(started.splice(0).map((w) => w.terminate()));
});

describe('IdleWorkers', () => {
  it('hands a given-back worker to the next take, without the last job’s listeners', async () => {
    const pool = new IdleWorkers(start);
    const first = await pool.take();
    const heard: unknown[] = [];
    first.on('message', (m) => heard.push(m));
    expect(await echo(first, 'a')).toBe('a');
    pool.give(first);
    const second = await pool.take();
    expect(second.threadId).toBe(first.threadId);
    expect(started).toHaveLength(1);
    expect(await echo(second, 'b')).toBe('b');
    // The first job's listener heard only its own message.
    expect(heard).toEqual(['a']);
  });

  it('starts a new worker when the kept one has stopped', async () => {
    const pool = new IdleWorkers(start);
    const first = await pool.take();
    pool.give(first);
    const exited = new Promise((resolve) => first.once('exit', resolve));
    first.postMessage('exit');
    await exited;
    const next = await pool.take();
    expect(next.threadId).not.toBe(first.threadId);
    expect(await echo(next, 'c')).toBe('c');
  });
});
