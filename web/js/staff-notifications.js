/*
 * The inbox and the contact address on a staff home page (the agency's 工作台, the credit
 * office's 日历): the same components as on 我的, with the staff pages' answer to a refused
 * token (forget it, ask to sign in again in place of the page's content).
 */

import { signOut } from './auth.js';
import { contact } from './contact.js';
import { inbox } from './inbox.js';
import { showSignInMessage } from './staff.js';

export function staffNotifications(session, { inboxMount, contactMount }) {
  let signedOut = false;
  const options = {
    getToken: () => session.token,
    // Both components may be refused at once: sign out and say so once.
    onSignedOut: () => {
      if (signedOut) return;
      signedOut = true;
      signOut().finally(() => showSignInMessage(document.getElementById('main'), '登录已失效，请重新登录。'));
    },
  };
  inbox(inboxMount, options);
  contact(contactMount, options);
}
