// The app's frame: signed out, the sign-in screen; signed in, the header (brand, nav from the route
// table, who, sign out), the license banner and the router. The branding is loaded before anything is
// shown, so no screen flashes the DevForge look on a branded appliance.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { api } from './api.ts';
import type { License, Me, Template } from './api-types.ts';
import { applyBranding, DEVFORGE_BRANDING, loadBranding, loadPublicBranding, type Branding } from './branding.ts';
import { AppContext, can, type AppState } from './context.ts';
import { ROUTES } from './route-table.tsx';
import { SignIn } from './screens/sign-in.tsx';
import { NotAllowed } from './parts/admin.tsx';

interface Props {
  sso: string | undefined;
  localLogin: boolean;
}

function Brand({ branding }: { branding: Branding }) {
  return (
    <a href="/" class="brand">
      {branding.logo ? <img src={branding.logo} alt="" class="brand-logo" /> : branding.showDevForge && <span class="brand-mark" aria-hidden="true" />}
      <span class="brand-name">{branding.productName}</span>
      {branding.showDevForge && branding.productName !== 'DevForge' && <span class="brand-by">powered by DevForge</span>}
    </a>
  );
}

function Nav({ me }: { me: Me }) {
  const { path } = useLocation();
  const links = ROUTES.filter((r) => r.nav && can(me, r.needs));
  return (
    <nav aria-label="Main">
      <ul>
        {links.map((r) => {
          const current = r.path === '/' ? path === '/' : path.startsWith(r.path) || (r.nav === 'Admin' && path.startsWith('/admin/'));
          return (
            <li key={r.path}>
              <a href={r.path} aria-current={current ? 'page' : undefined}>
                {r.nav}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function NotFound() {
  return (
    <section class="panel">
      <h1>Not found</h1>
      <p>
        There is no such page, or your role may not open it. Go to the <a href="/library">library</a>.
      </p>
    </section>
  );
}

function LicenseBanner({ license, me }: { license: License | undefined; me: Me }) {
  const banner = license?.banner;
  if (!banner || (banner.audience === 'admins' && me.role !== 'admin')) return null;
  return (
    <p class="banner" role="status" id="license-banner">
      {banner.message}
    </p>
  );
}

export function App({ sso, localLogin }: Props) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [branding, setBranding] = useState<Branding | undefined>(undefined);
  const [license, setLicense] = useState<License | undefined>(undefined);
  const [templates, setTemplates] = useState<Template[] | undefined>(undefined);
  // Whether this render is signed in, for answers that arrive after the session they were asked in has ended.
  const signedIn = useRef(false);
  signedIn.current = Boolean(me);

  useEffect(() => {
    api.me().then(setMe, () => setMe(null));
  }, []);
  useEffect(() => {
    if (!me) return;
    void loadBranding()
      .catch(() => DEVFORGE_BRANDING)
      .then((b) => {
        if (!signedIn.current) return; // signed out while it loaded
        applyBranding(b);
        setBranding(b);
      });
    api.license().then(setLicense, () => setLicense(undefined));
    api.templates().then(setTemplates, () => setTemplates([]));
  }, [me]);
  // Signed out: the public part of the branding (a white-labelled sign-in page shows no DevForge either).
  const [signedOut, setSignedOut] = useState<Branding>(DEVFORGE_BRANDING);
  useEffect(() => {
    if (me !== null) return;
    let current = true;
    void loadPublicBranding().then((b) => {
      if (current) setSignedOut(b);
    });
    return () => {
      current = false;
    };
  }, [me]);
  // The sign-in page's title and colours follow from the state, in the same commit as its text, so an answer
  // that arrives late (a screen's title, the branding of the session just ended) cannot leave another name.
  useLayoutEffect(() => {
    if (me === null) applyBranding(signedOut, 'Sign in');
  }, [me, signedOut]);

  const state = useMemo<AppState | undefined>(
    () =>
      me && branding
        ? {
            me,
            license,
            branding,
            templates,
            setScreenTitle: (title) => {
              if (signedIn.current) applyBranding(branding, title);
            },
            reloadBranding: () =>
              void loadBranding()
                .catch(() => DEVFORGE_BRANDING)
                .then((b) => {
                  if (!signedIn.current) return;
                  applyBranding(b);
                  setBranding(b);
                }),
            signOut: () => {
              api
                .logout()
                .then((out) => {
                  if (out?.end_session_url) window.location.assign(out.end_session_url);
                  else setMe(null);
                })
                .catch(() => setMe(null));
            },
          }
        : undefined,
    [me, branding, license, templates],
  );

  if (me === undefined) return <p class="loading">Loading…</p>;
  if (me === null) return <SignIn sso={sso} localLogin={localLogin} onSignedIn={setMe} branding={signedOut} />;
  if (!state) return <p class="loading">Loading…</p>;
  return (
    <AppContext.Provider value={state}>
      <LocationProvider>
        <div id="app-view">
          <a href="#main" class="skip-link">
            Skip to content
          </a>
          <header class="top">
            <Brand branding={state.branding} />
            <Nav me={me} />
            <span class="who" id="who">
              {me.user.name || me.user.email} <span class="role">({me.role})</span>
            </span>
            <button type="button" class="secondary" id="logout" onClick={state.signOut}>
              Sign out
            </button>
          </header>
          <LicenseBanner license={license} me={me} />
          <main id="main" tabIndex={-1}>
            <ErrorBoundary>
              <Router>{[...ROUTES.map((r) => <Route key={r.path} path={r.path} component={can(me, r.needs) ? r.component : NotAllowed} />), <Route key="404" default component={NotFound} />]}</Router>
            </ErrorBoundary>
          </main>
        </div>
      </LocationProvider>
    </AppContext.Provider>
  );
}
