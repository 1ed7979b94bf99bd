// What this deployment writes to Redis is sealed with a key only its instances hold (derived from
// SESSION_SECRET): every value carries an HMAC over its Redis key and its text, and the service account's
// token is encrypted (AES-256-GCM). Anyone else writing to the same Redis (another deployment, a user of
// that Redis, a value moved from one key to another) makes values that are ignored, never served.

import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";

const MAC_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class RedisSeal {
  private readonly macKey: Buffer;
  private readonly cipherKey: Buffer;

  constructor(secret: string) {
    const derive = (purpose: string) =>
      Buffer.from(hkdfSync("sha256", secret, "commcell-job-monitor", `redis ${purpose}`, 32));
    this.macKey = derive("mac");
    this.cipherKey = derive("cipher");
  }

  private mac(key: string, text: string): Buffer {
    return createHmac("sha256", this.macKey).update(key).update("\0").update(text).digest();
  }

  /** `text` with its HMAC in front, bound to the Redis key it is written under. */
  seal(key: string, text: string): string {
    return `${this.mac(key, text).toString("base64url")}.${text}`;
  }

  /** The text of a value this deployment sealed for `key`, or null for anything else. */
  open(key: string, sealed: string): string | null {
    const dot = sealed.indexOf(".");
    if (dot < 0) return null;
    const given = Buffer.from(sealed.slice(0, dot), "base64url");
    const text = sealed.slice(dot + 1);
    if (given.length !== MAC_BYTES) return null;
    return timingSafeEqual(given, this.mac(key, text)) ? text : null;
  }

  /** `text` encrypted and authenticated for `key`: a secret (a token) Redis must not be able to read. */
  encrypt(key: string, text: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.cipherKey, iv);
    cipher.setAAD(Buffer.from(key));
    const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
  }

  decrypt(key: string, sealed: string): string | null {
    const bytes = Buffer.from(sealed, "base64url");
    if (bytes.length < IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.cipherKey, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(key));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString("utf8");
    } catch {
      return null;
    }
  }
}
