/**
 * A one-file ZIP archive (PKWARE APPNOTE 6.3.x: local header, deflated data, central directory, end record), for
 * services that take only some file types (DingTalk: doc/xls/ppt/pdf/zip/rar) so an APK or an HTML report goes
 * zipped. Node's zlib deflates; the CRC-32 is computed here (zlib.crc32 is newer than the Node versions we support).
 */
import { deflateRawSync } from 'node:zlib';

let table: Uint32Array | undefined;

export function crc32(bytes: Uint8Array): number {
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** `name` (UTF-8, flag bit 11) holding `bytes`, deflated; the archive's date is fixed, so the bytes are stable. */
export function zipOne(name: string, bytes: Uint8Array): Buffer {
  const file = Buffer.from(name, 'utf8');
  const data = deflateRawSync(bytes);
  const crc = crc32(bytes);
  const common = (header: Buffer, at: number) => {
    header.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x0800, at + 2); // UTF-8 name
    header.writeUInt16LE(8, at + 4); // deflate
    header.writeUInt16LE(0, at + 6); // time 00:00
    header.writeUInt16LE(0x21, at + 8); // date 1980-01-01
    header.writeUInt32LE(crc, at + 10);
    header.writeUInt32LE(data.length, at + 14);
    header.writeUInt32LE(bytes.length, at + 18);
    header.writeUInt16LE(file.length, at + 22);
  };
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  common(local, 4);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // made by 2.0
  common(central, 6);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(local.length + file.length + data.length, 16);
  return Buffer.concat([local, file, data, central, file, end]);
}
