import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { apiGatewayEvent } from '../../local/api-event.ts';
import { rawBody, readBody, XLSX_MEDIA_TYPE } from '../../shared/http/body.ts';

const CSV = '行政相对人名称\r\n福州鑫犇商贸有限公司\r\n';

/** The event the local gateway builds for a POST of these bytes. */
function eventOf(body: Buffer, contentType: string): APIGatewayProxyEventV2 {
  const request = {
    headers: { 'content-type': contentType, host: 'localhost' },
    method: 'POST',
    httpVersion: '1.1',
    socket: { remoteAddress: '127.0.0.1' },
  } as unknown as IncomingMessage;
  return apiGatewayEvent({
    request,
    url: new URL('http://localhost/v1/records/batch'),
    body,
    routeKey: 'POST /v1/records/batch',
  });
}

describe('file bodies from the gateway to the importer', () => {
  it('passes a UTF-8 CSV as a string and hands its bytes on', () => {
    const event = eventOf(Buffer.from(CSV), 'text/csv');
    expect(event.isBase64Encoded).toBe(false);
    expect(event.body).toBe(CSV);
    const body = readBody(event, ['json', 'csv', 'xlsx']);
    expect(body?.format).toBe('csv');
    expect(Buffer.from(body?.value as Uint8Array).toString('utf8')).toBe(CSV);
  });

  it('base64-encodes a text body that is not UTF-8, and gives back the very bytes', () => {
    const gb = iconv.encode(CSV, 'gb18030');
    const event = eventOf(gb, 'text/csv; charset=gb18030');
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(readBody(event, ['csv'])?.value as Uint8Array).equals(gb)).toBe(true);
  });

  it('base64-encodes an .xlsx (a binary type) and gives back the very bytes', () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x80]);
    const event = eventOf(bytes, XLSX_MEDIA_TYPE);
    expect(event.isBase64Encoded).toBe(true);
    expect(readBody(event, ['json', 'csv', 'xlsx'])).toEqual({ format: 'xlsx', value: bytes });
  });

  it('fingerprints two GB18030 bodies differing in one character differently', () => {
    const a = eventOf(iconv.encode(CSV, 'gb18030'), 'text/csv');
    const b = eventOf(iconv.encode(CSV.replace('犇', '鑫'), 'gb18030'), 'text/csv');
    expect(rawBody(a)).not.toBe(rawBody(b));
    expect(rawBody(eventOf(Buffer.from(CSV), 'text/csv'))).toBe(CSV);
  });

  it('refuses an .xlsx sent to a route that takes only JSON and CSV, naming the types it takes', () => {
    const event = eventOf(Buffer.from('PK'), XLSX_MEDIA_TYPE);
    expect(() => readBody(event, ['json', 'csv'])).toThrow(/application\/json, text\/csv/);
  });
});
