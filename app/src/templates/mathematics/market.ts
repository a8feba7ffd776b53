// The arithmetic of a linear market: demand and supply as Q = a + bP, where they cross (the equilibrium), and
// what a shift of one curve, a per-unit tax or a subsidy does to it. Kept apart from the scene so the facts can
// be checked on their own.

/** A straight demand or supply curve: the quantity at price P is `intercept + slope · P`. */
export interface Line {
  intercept: number;
  slope: number;
}

export type ShiftKind = 'demand' | 'supply' | 'tax' | 'subsidy';

/** Demand or supply moving by `amount` units at every price; a tax or subsidy of `amount` per unit. */
export interface Shift {
  kind: ShiftKind;
  amount: number;
}

export interface Equilibrium {
  price: number;
  quantity: number;
}

/** Float dust from dividing decimals (0.1 · 3) is not a digit anyone should see. */
export function clean(v: number): number {
  return Number(v.toPrecision(12)) + 0;
}

/** Where quantity demanded equals quantity supplied: a + bP = c + dP, so P = (a − c) / (d − b). */
export function equilibrium(demand: Line, supply: Line): Equilibrium {
  const price = clean((demand.intercept - supply.intercept) / (supply.slope - demand.slope));
  return { price, quantity: clean(demand.intercept + demand.slope * price) };
}

/**
 * The curves after the shift, as the buyers see them (the price on the axis is what buyers pay). A tax of t
 * on each unit leaves sellers t less of every price: they supply c + d(P − t). A subsidy adds s instead.
 */
export function shifted(demand: Line, supply: Line, shift: Shift): { demand: Line; supply: Line } {
  switch (shift.kind) {
    case 'demand':
      return { demand: { intercept: clean(demand.intercept + shift.amount), slope: demand.slope }, supply };
    case 'supply':
      return { demand, supply: { intercept: clean(supply.intercept + shift.amount), slope: supply.slope } };
    case 'tax':
      return { demand, supply: { intercept: clean(supply.intercept - supply.slope * shift.amount), slope: supply.slope } };
    case 'subsidy':
      return { demand, supply: { intercept: clean(supply.intercept + supply.slope * shift.amount), slope: supply.slope } };
  }
}

export interface MarketFacts {
  equilibrium_price: number;
  equilibrium_quantity: number;
  /** After the shift, tax or subsidy; null when none is given. */
  new_equilibrium_price: number | null;
  new_equilibrium_quantity: number | null;
  price_change: number | null;
  quantity_change: number | null;
  /** With a tax or subsidy: what buyers pay and what sellers keep per unit, and the tax raised (or subsidy paid). */
  buyer_price: number | null;
  seller_price: number | null;
  tax_revenue: number | null;
  subsidy_cost: number | null;
  [key: string]: unknown;
}

export function marketFacts(demand: Line, supply: Line, shift: Shift | null): MarketFacts {
  const e = equilibrium(demand, supply);
  const none = { new_equilibrium_price: null, new_equilibrium_quantity: null, price_change: null, quantity_change: null, buyer_price: null, seller_price: null, tax_revenue: null, subsidy_cost: null };
  if (!shift) return { equilibrium_price: e.price, equilibrium_quantity: e.quantity, ...none };
  const after = shifted(demand, supply, shift);
  const e2 = equilibrium(after.demand, after.supply);
  const wedge = shift.kind === 'tax' ? -shift.amount : shift.kind === 'subsidy' ? shift.amount : 0;
  return {
    equilibrium_price: e.price,
    equilibrium_quantity: e.quantity,
    ...none,
    new_equilibrium_price: e2.price,
    new_equilibrium_quantity: e2.quantity,
    price_change: clean(e2.price - e.price),
    quantity_change: clean(e2.quantity - e.quantity),
    ...(wedge ? { buyer_price: e2.price, seller_price: clean(e2.price + wedge) } : {}),
    ...(shift.kind === 'tax' ? { tax_revenue: clean(shift.amount * e2.quantity) } : {}),
    ...(shift.kind === 'subsidy' ? { subsidy_cost: clean(shift.amount * e2.quantity) } : {}),
  };
}

/** Why these curves make no market to draw (in words the user can act on), or undefined when they do. */
export function marketProblem(demand: Line, supply: Line, shift: Shift | null): string | undefined {
  if (!(demand.slope < 0)) return 'demand must slope downward (buyers want less as the price rises): write it like "Qd = 100 − 2P"';
  if (!(supply.slope > 0)) return 'supply must slope upward (sellers offer more as the price rises): write it like "Qs = 20 + 2P"';
  const e = equilibrium(demand, supply);
  if (!(e.price > 0 && e.quantity > 0)) return `these curves cross at a price of ${e.price} and a quantity of ${e.quantity}: a market needs both above 0`;
  if (shift) {
    const after = shifted(demand, supply, shift);
    const e2 = equilibrium(after.demand, after.supply);
    if (!(e2.price > 0 && e2.quantity > 0))
      return `after the ${shift.kind === 'tax' || shift.kind === 'subsidy' ? shift.kind : `${shift.kind} shift`} the curves cross at a price of ${e2.price} and a quantity of ${e2.quantity}: give a smaller change`;
    if (shift.kind === 'tax' && !(e2.price - shift.amount > 0)) return `a tax of ${shift.amount} leaves sellers nothing of the new price ${e2.price}: give a smaller tax`;
  }
  return undefined;
}
