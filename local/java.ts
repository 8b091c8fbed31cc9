import { spawnSync } from 'node:child_process';

const MINIMUM = 17;

/**
 * DynamoDB Local is a Java program. Returns why it cannot run here, or undefined when a
 * Java runtime of version 17 or later is on the PATH.
 */
export function javaProblem(): string | undefined {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error) {
    return [
      'DynamoDB Local needs a Java runtime (17 or later), and `java` was not found on the PATH.',
      'Install one, e.g. on Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless',
      '(on macOS: brew install openjdk@17), or set DYNAMODB_ENDPOINT to use a DynamoDB you already run.',
    ].join('\n');
  }
  const version = /version "(\d+)(?:\.(\d+))?/.exec(`${probe.stderr}${probe.stdout}`);
  const major = version ? (version[1] === '1' ? Number(version[2]) : Number(version[1])) : Number.NaN;
  if (!(major >= MINIMUM)) {
    return `DynamoDB Local needs Java ${MINIMUM} or later; \`java -version\` reports ${version?.[0] ?? 'an unknown version'}. Install openjdk-17-jre-headless (or newer).`;
  }
  return undefined;
}
