// Sign in: single sign-on when configured (its button first), the password form for local accounts (folded
// away as the administrator's break-glass sign-in when auth.localLogin is off). A wrong password is said
// in words under the form, and focus stays in the form.
import { useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { Me } from '../api-types.ts';
import type { Branding } from '../branding.ts';

interface Props {
  sso: string | undefined;
  localLogin: boolean;
  onSignedIn: (me: Me) => void;
  /** The organisation's public branding: its logo and product name head the page. */
  branding: Branding;
}

function PasswordForm({ onSignedIn }: Pick<Props, 'onSignedIn'>) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      id="login-form"
      onSubmit={(e) => {
        e.preventDefault();
        setError('');
        setBusy(true);
        api
          .login(email, password)
          .then(onSignedIn)
          .catch((err) => setError(messageOf(err)))
          .finally(() => setBusy(false));
      }}
    >
      <div class="field">
        <label for="email">E-mail</label>
        <input id="email" name="email" type="text" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      </div>
      <button type="submit" disabled={busy}>
        Sign in
      </button>
      <p class="error" id="login-error" role="alert">
        {error}
      </p>
    </form>
  );
}

export function SignIn({ sso, localLogin, onSignedIn, branding }: Props) {
  return (
    <main id="main" class="sign-in">
      <section class="panel narrow" aria-labelledby="sign-in-title">
        <p class="brand sign-in-brand">
          {branding.logo && <img src={branding.logo} alt="" class="brand-logo" />}
          <span class="brand-name" id="sign-in-product">
            {branding.productName}
          </span>
        </p>
        <h1 id="sign-in-title">Sign in</h1>
        {sso && (
          <p>
            <a id="sso-login" class="button" href="/auth/oidc/login">
              Sign in with {sso}
            </a>
          </p>
        )}
        {!sso || localLogin ? (
          <PasswordForm onSignedIn={onSignedIn} />
        ) : (
          <details id="break-glass">
            <summary>Administrator sign-in (when single sign-on is down)</summary>
            <PasswordForm onSignedIn={onSignedIn} />
          </details>
        )}
      </section>
    </main>
  );
}
