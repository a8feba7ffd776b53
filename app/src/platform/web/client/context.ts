// What every screen may ask for: who is signed in and what they may do (the server's policy, from /me),
// the license in force, the organisation's branding, and the template catalogue (loaded once, shared).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Action, License, Me, Template } from './api-types.ts';
import type { Branding } from './branding.ts';

export interface AppState {
  me: Me;
  license: License | undefined;
  branding: Branding;
  templates: Template[] | undefined;
  /** Sets the document title for the screen ("Library · Acme Animations"). */
  setScreenTitle: (title: string) => void;
  signOut: () => void;
  /** Reads the branding again and applies it (after an administrator saved it). */
  reloadBranding: () => void;
}

export const AppContext = createContext<AppState | undefined>(undefined);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside the signed-in app');
  return state;
}

/** Whether the signed-in caller's role allows this action (the server decides again on every call). */
export function can(me: Me, action: Action): boolean {
  return me.actions.includes(action);
}
