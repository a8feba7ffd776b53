// Slows password guessing: after too many failed sign-ins from one address, refuse for a while.
const WINDOW_MS = 5 * 60_000;
const MAX_FAILURES = 10;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  /** Seconds to wait before the next try, or 0. */
  retryAfter(address: string, now = Date.now()): number {
    const recent = (this.failures.get(address) ?? []).filter((t) => t > now - WINDOW_MS);
    this.failures.set(address, recent);
    return recent.length >= MAX_FAILURES ? Math.ceil((recent[0]! + WINDOW_MS - now) / 1000) : 0;
  }

  failed(address: string, now = Date.now()): void {
    const list = this.failures.get(address) ?? [];
    list.push(now);
    this.failures.set(address, list);
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }

  succeeded(address: string): void {
    this.failures.delete(address);
  }
}
