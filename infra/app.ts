/**
 * Entry point of `cdk synth` / `cdk deploy` (cdk.json). The account is the credentials'; the
 * regions are written into the stacks (cross-region references need them): the service's
 * from `-c region=…` or the credentials, the web ACL's us-east-1, the backup copy's from
 * `-c backupCopyRegion=…` (infra/build-app.ts). The CLI sets CDK_OUTDIR, so the App
 * synthesizes itself when this script ends.
 */
import { buildApp } from './build-app.ts';

buildApp();
