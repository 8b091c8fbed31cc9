import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export interface ServiceAuthProps {
  /** Copies `custom:role` and the codes into the plain claims the handlers read. */
  readonly preTokenGeneration: IFunction;
  /** Where the website may be sent back after sign-in and sign-out (scheme://host[:port]). */
  readonly webOrigins: readonly string[];
  /** Further exact sign-in and sign-out return URLs, e.g. the hosted site's `/account` page. */
  readonly redirectUrls?: readonly string[];
  /** The managed sign-in pages' subdomain: `<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domainPrefix: string;
}

/**
 * The custom attributes an administrator sets; all are strings, none required. `id_number`
 * binds a natural person's account (role `person`) to their resident ID number, as `uscc`
 * binds an entity's to its code.
 */
const CUSTOM_ATTRIBUTES = ['role', 'agency', 'uscc', 'id_number'] as const;

// The users are Chinese agencies and entities; Cognito's defaults are English only.
const INVITATION = {
  emailSubject: '信用信息公示服务账号 / Your disclosure service account',
  emailBody:
    '您的账号为 {username}，临时密码为 {####}，首次登录时请修改密码并绑定身份验证器。<br>' +
    'Your username is {username} and your temporary password is {####}. At first sign-in, ' +
    'set a new password and an authenticator app.',
};
const VERIFICATION = {
  emailSubject: '验证您的邮箱 / Verify your email',
  emailBody: '您的验证码为 {####}。<br>Your verification code is {####}.',
};

/**
 * Who may call the non-public routes: a Cognito user pool of agency staff, entities, natural
 * persons and the credit office, and the website's client. Nobody signs up: the credit office creates each
 * account and sets its role and code, which the user cannot change.
 */
export class ServiceAuth extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: ServiceAuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      userInvitation: INVITATION,
      userVerification: VERIFICATION,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { mutable: true } },
      customAttributes: {
        // Mutable, so the credit office can move a person to another role or unit; USCCs are
        // 18 characters (GB 32100-2015). Cognito never lets a custom attribute's schema change.
        role: new StringAttribute({ mutable: true, minLen: 1, maxLen: 16 }),
        agency: new StringAttribute({ mutable: true, minLen: 18, maxLen: 18 }),
        uscc: new StringAttribute({ mutable: true, minLen: 18, maxLen: 18 }),
        // A resident ID number is 18 characters too (GB 11643-1999); the API checks it.
        id_number: new StringAttribute({ mutable: true, minLen: 18, maxLen: 18 }),
      },
      // A token can publish, correct or revoke public records, so a password alone is not
      // enough: every user sets up an authenticator app (TOTP) at first sign-in. No SMS, which
      // would need an SNS role and is the weaker factor.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        passwordHistorySize: 5,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus tier: threat protection blocks sign-ins with leaked credentials and risky
      // sign-ins. It is priced per monthly active user, and few accounts are active in a
      // month (staff, entities filing), which is small next to a hijacked account rewriting
      // the public register.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      lambdaTriggers: { preTokenGeneration: props.preTokenGeneration },
      deletionProtection: true,
      // The accounts and their MFA enrolments cannot be recreated from anywhere else.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });

    // Cognito compares a return URL exactly: each origin's root and its /account page (where
    // the site takes the code back), plus the URLs given as they are.
    const urls = [
      ...props.webOrigins.flatMap((origin) => {
        const base = origin.replace(/\/+$/, '');
        return [`${base}/`, `${base}/account`];
      }),
      ...(props.redirectUrls ?? []),
    ];
    this.webClient = this.userPool.addClient('WebClient', {
      // A browser cannot keep a secret; the code flow with PKCE protects the exchange instead.
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: urls,
        logoutUrls: urls,
      },
      authFlows: { userSrp: true },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      // About a working day; after that the user signs in (and passes MFA) again.
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(...CUSTOM_ATTRIBUTES),
      // Role and codes are left out on purpose: only an administrator (AdminUpdateUserAttributes)
      // may set them, or a user could make themselves the credit office.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
  }
}
