// Frame bodies are received into reused buffers: the pool must hand back exact sizes and reuse memory.
import test from 'ava';
import { BufferPool } from '../../src/render/buffer-pool.ts';

test('a buffer given back is reused for a request it can hold, at the exact size asked', (t) => {
  const pool = new BufferPool();
  const first = pool.take(1000);
  t.is(first.length, 1000);
  pool.give(first);
  const second = pool.take(5000);
  t.is(second.length, 5000);
  t.is(second.buffer, first.buffer, 'the same memory serves a slightly larger body');
});

test('buffers in use are never handed out twice, and a too-small free buffer is not used', (t) => {
  const pool = new BufferPool();
  const a = pool.take(100);
  const b = pool.take(100);
  t.not(a.buffer, b.buffer);
  pool.give(a);
  const big = pool.take(8 * 1024 * 1024);
  t.is(big.length, 8 * 1024 * 1024);
  t.not(big.buffer, a.buffer);
  t.is(pool.take(10).buffer, a.buffer);
});

test('the pool keeps at most its limit of free buffers, preferring the largest', (t) => {
  const pool = new BufferPool(2);
  const small = pool.take(10);
  const mid = pool.take(600_000);
  const large = pool.take(2_000_000);
  for (const b of [small, mid, large]) pool.give(b);
  const got = [pool.take(1), pool.take(1), pool.take(1)];
  t.true(got.some((b) => b.buffer === large.buffer));
  t.true(got.some((b) => b.buffer === mid.buffer));
  t.false(got.some((b) => b.buffer === small.buffer));
});

test('a buffer the pool did not hand out is never taken in (it may be shared memory)', (t) => {
  const pool = new BufferPool();
  const foreign = Buffer.from('not from the pool');
  pool.give(foreign);
  t.not(pool.take(4).buffer, foreign.buffer);
});
