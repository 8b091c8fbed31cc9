/*
 * What every page does first: finish a hosted sign-in when the browser has just come back
 * from it (the hosted UI may return to any page the deploy names as redirect URI).
 */

import { finishHostedSignIn } from './auth.js';

export async function startPage() {
  try {
    await finishHostedSignIn();
  } catch (error) {
    // The page still works for the public; 我的 shows the sign-in form again.
    console.warn('sign-in could not be completed', error);
  }
}
