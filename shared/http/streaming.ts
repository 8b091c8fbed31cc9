import type { Context } from 'aws-lambda';
import type { Event, Result, StreamedResult } from './http-handler.ts';

/**
 * Lambda response streaming (a function URL with invoke mode RESPONSE_STREAM; infra/open-data.ts):
 * the handler's answer is written to the response stream as it comes, so a file of any size
 * leaves with the memory of one page. `awslambda.streamifyResponse` is the Node.js runtime's;
 * on one machine the local server writes the same answer out itself.
 */
interface ResponseStream {
  write(chunk: string | Uint8Array): boolean;
  end(): void;
  once(event: 'drain', listener: () => void): void;
}

declare const awslambda:
  | {
      streamifyResponse(
        handler: (event: Event, stream: ResponseStream, context: Context) => Promise<void>,
      ): unknown;
      HttpResponseStream: {
        from(
          stream: ResponseStream,
          metadata: { statusCode: number; headers: Record<string, string> },
        ): ResponseStream;
      };
    }
  | undefined;

export function streamingHandler(handler: (event: Event, context: Context) => Promise<Result>): unknown {
  // The AWS SDK sets an empty `globalThis.awslambda` of its own (@aws/lambda-invoke-store):
  // only the Lambda runtime's has streamifyResponse.
  if (typeof awslambda === 'undefined' || typeof awslambda.streamifyResponse !== 'function') return handler;
  return awslambda.streamifyResponse(async (event, responseStream, context) => {
    const result = (await handler(event, context)) as StreamedResult;
    const headers = Object.fromEntries(
      Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
    );
    const out = awslambda.HttpResponseStream.from(responseStream, {
      statusCode: result.statusCode ?? 200,
      headers,
    });
    if (result.stream) {
      for await (const chunk of result.stream) {
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
      }
    } else if (result.body) {
      out.write(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
    }
    out.end();
  });
}
