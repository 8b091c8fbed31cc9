import QRCode from 'qrcode';

/** The verification URL as a QR code: SVG for the HTML report, PNG for the PDF. */
export const qrSvg = (url: string) =>
  QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
export const qrPng = (url: string) =>
  QRCode.toBuffer(url, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
