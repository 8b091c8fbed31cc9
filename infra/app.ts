/**
 * Entry point of `cdk synth` / `cdk deploy` (cdk.json). No account or region is pinned: the
 * stack is environment-agnostic and takes both from the credentials it is deployed with.
 * The CLI sets CDK_OUTDIR, so the App synthesizes itself when this script ends.
 */
import { buildApp } from './build-app.ts';

buildApp();
