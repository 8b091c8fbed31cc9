/*
 * Sign-in. The page keeps one thing: the bearer token, in sessionStorage (gone when the tab
 * closes, never in localStorage or a cookie), and removes it on 退出登录.
 *
 * - local mode: the user picks a role on the local server's quick sign-in, or pastes a token
 *   printed by `npm run token`.
 * - cognito mode: the hosted UI with the authorization-code flow and PKCE (S256); only the
 *   id token is kept, since it carries the role and codes the API's authorizer reads. The
 *   PKCE verifier and state live in sessionStorage only for the round trip to the hosted UI.
 *
 * The token's payload is decoded to show who is signed in, without checking its signature:
 * the page cannot, and need not — the API verifies every token it receives.
 */

import { postJson, siteConfig } from './api.js';

const TOKEN_KEY = 'disclosure.token';
const FLOW_KEY = 'disclosure.signin-flow';

/** A sign-in that cannot go ahead, with the reason in Chinese. */
export class SignInError extends Error {
  constructor(message) {
    super(message);
    this.name = 'SignInError';
  }
}

/** The claims of a JWT (its middle part), or undefined when it is not one. */
export function decodeClaims(token) {
  const part = String(token).split('.')[1];
  if (!part) return undefined;
  try {
    const claims = JSON.parse(new TextDecoder().decode(fromBase64Url(part)));
    return claims !== null && typeof claims === 'object' ? claims : undefined;
  } catch {
    return undefined;
  }
}

const expired = (claims) => typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now();

/** The signed-in session `{ token, claims }`, or undefined; an expired token is forgotten. */
export function currentSession() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return undefined;
  const claims = decodeClaims(token);
  if (!claims || expired(claims)) {
    sessionStorage.removeItem(TOKEN_KEY);
    return undefined;
  }
  return { token, claims };
}

/** Local mode: keeps a pasted token after checking it looks like an unexpired JWT. */
export function signInWithToken(text) {
  const token = String(text)
    .trim()
    .replace(/^Bearer\s+/i, '');
  if (!token) throw new SignInError('请粘贴访问令牌');
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token))
    throw new SignInError('这不是有效的访问令牌（应为三段以“.”分隔的文本）');
  const claims = decodeClaims(token);
  if (!claims) throw new SignInError('无法读取令牌内容，请重新生成');
  if (expired(claims)) throw new SignInError('该令牌已过期，请重新生成');
  sessionStorage.setItem(TOKEN_KEY, token);
  return { token, claims };
}

// ---- Local quick sign-in (local/sign-in.ts; the local server only, never on AWS) ----------

const QUICK_SIGN_IN = '/local/sign-in';

/** The roles the local server signs in with and their sample codes, or [] when it offers none. */
export async function quickSignInRoles() {
  const response = await fetch(QUICK_SIGN_IN, { cache: 'no-store', credentials: 'omit' });
  if (!response.ok) return [];
  return (await response.json()).roles ?? [];
}

/** Signs in as `role` with `code` through the local server; a refusal is an ApiError naming its field. */
export async function signInQuickly(role, code) {
  const { token } = await postJson(QUICK_SIGN_IN, { role, code });
  return signInWithToken(token);
}

/** Forgets the token (and any half-done hosted sign-in); in cognito mode ends the hosted session too. */
export async function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(FLOW_KEY);
  const { auth } = await siteConfig();
  if (auth?.mode === 'cognito') {
    const url = new URL(`https://${auth.domain}/logout`);
    url.searchParams.set('client_id', auth.clientId);
    url.searchParams.set('logout_uri', auth.redirectUri);
    location.assign(url.href);
  }
}

// ---- Cognito hosted UI: authorization code with PKCE --------------------------------------

/** Sends the browser to the hosted sign-in page; it comes back to `redirectUri` with a code. */
export async function startHostedSignIn(returnTo = location.href) {
  const { auth } = await siteConfig();
  const verifier = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = toBase64Url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  sessionStorage.setItem(FLOW_KEY, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(`https://${auth.domain}/oauth2/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: auth.redirectUri,
    scope: 'openid',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.href);
}

/**
 * On the page the hosted UI returns to (`?code=…&state=…`): exchanges the code for tokens,
 * keeps the id token and goes back to the page that started the sign-in. Does nothing on
 * any other visit. A state that does not match the one sent is refused (a forged return).
 */
export async function finishHostedSignIn() {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const flowText = sessionStorage.getItem(FLOW_KEY);
  if (!code || !flowText) return;
  sessionStorage.removeItem(FLOW_KEY);
  const flow = JSON.parse(flowText);
  history.replaceState(null, '', location.pathname); // the code is single-use; take it off the URL
  if (params.get('state') !== flow.state) throw new SignInError('登录请求已失效，请重新登录');
  const { auth } = await siteConfig();
  const response = await fetch(`https://${auth.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: auth.clientId,
      code,
      redirect_uri: auth.redirectUri,
      code_verifier: flow.verifier,
    }),
    credentials: 'omit',
  });
  if (!response.ok) throw new SignInError('登录未成功，请重新登录');
  const { id_token: idToken } = await response.json();
  if (!idToken) throw new SignInError('登录未成功，请重新登录');
  sessionStorage.setItem(TOKEN_KEY, idToken);
  const back = new URL(flow.returnTo ?? 'account.html', location.href);
  if (back.origin === location.origin) location.replace(back.href);
}

function toBase64Url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
