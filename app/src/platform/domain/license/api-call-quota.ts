// api_calls_per_month, enforced on every API process without a query per request. Each process keeps
// this month's count of quota calls (API keys and bearer service tokens: QUOTA_CHANNELS) as the total in
// the database at its last refresh plus the calls it has admitted itself since; the refresh runs right
// after each flush of the API-call meter (usage.flushIntervalMs, 1 s by default) and also rereads the
// license, so a new license lifts the limit within one interval.
//
// Staleness: this process's own calls are counted exactly; another process's reach the database at its
// next flush and this one's count at the refresh after, so the count misses at most the calls the other
// API processes admitted in the last two flush intervals (plus a flush's duration). Near the limit, the
// appliance can therefore let that many calls past it, never more; at a month's start the count is 0
// until the first refresh of the month.
//
// GET and PUT /api/v1/license are neither counted nor refused: a program over its quota can always read
// why, and an administrator's key can install the license that lifts it.
import type { DataSource } from 'typeorm';
import { channelOf, QUOTA_CHANNELS, type ApiCallMeter, type Caller } from '../commands/usage/api-call-meter.ts';
import { apiCalls, monthOf } from '../queries/usage.ts';
import { authorizeWithinLicense, type Action, type Entitlements } from '../policy.ts';
import { entitlementsOf, licenseStanding, type LicenseOptions } from './standing.ts';

/** Requests that are never counted against the quota nor refused by it. */
export const QUOTA_EXEMPT_ACTIONS: readonly (Action | 'public')[] = ['license.read', 'license.install'];

export class ApiCallQuota {
  private readonly db: DataSource;
  private readonly meter: ApiCallMeter;
  private readonly opts: LicenseOptions;
  private month = '';
  /** This month's quota calls in the database at the last refresh. */
  private stored = 0;
  /** Quota calls admitted by this process and not in `stored`. */
  private local = 0;
  private entitlements: Entitlements | undefined;

  constructor(db: DataSource, meter: ApiCallMeter, opts: LicenseOptions) {
    this.db = db;
    this.meter = meter;
    this.opts = opts;
    meter.afterFlush = () => this.refresh();
  }

  /** Rereads the license and this month's total (called after each flush, and once at start). */
  async refresh(): Promise<void> {
    const entitlements = entitlementsOf(await licenseStanding(this.db, this.opts));
    const month = monthOf(new Date());
    const stored = await apiCalls(this.db, month);
    // Calls counted since the flush are in the meter, not yet in `stored`.
    this.local = this.meter.pendingQuotaCalls(month);
    this.stored = stored;
    this.month = month;
    this.entitlements = entitlements;
  }

  /** This month's quota calls as this process knows them. */
  used(at = new Date()): number {
    return monthOf(at) === this.month ? this.stored + this.local : 0;
  }

  /** Whether a request is outside the quota altogether (neither counted nor refused). */
  exempt(action: Action | 'public'): boolean {
    return QUOTA_EXEMPT_ACTIONS.includes(action);
  }

  /** Throws license-limit when one more call would pass the month's limit; else counts it. No query, no allocation. */
  admit(caller: Caller, action: Action | 'public', at = new Date()): void {
    if (this.exempt(action) || !QUOTA_CHANNELS.includes(channelOf(caller))) return;
    const used = this.used(at);
    authorizeWithinLicense(this.entitlements, { entitlement: 'api_calls_per_month', adding: 1, used });
    if (monthOf(at) !== this.month) return;
    this.local += 1;
  }
}
