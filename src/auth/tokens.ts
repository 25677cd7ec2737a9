import { Inject, Injectable } from '@nestjs/common';
import { createSigner, createVerifier } from 'fast-jwt';
import { randomUUID } from 'node:crypto';
import { CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Role } from '../common/enums.js';

export interface TokenClaims {
  sub: string;
  role: Role;
  org: string;
  /** The user's token generation when it was issued: a token of an older generation is revoked. */
  gen: number;
}

export interface VerifiedClaims extends TokenClaims {
  /** The token's id, by which signing out revokes it (absent from tokens issued before ids were). */
  jti?: string;
  exp: number;
}

/**
 * HS256 JSON Web Tokens that expire (JWT_TTL_SECONDS) and carry the user's role, token generation
 * and an id. They are signed with JWT_SECRET; during a rotation, tokens signed with
 * JWT_PREVIOUS_SECRET are accepted too, until they expire.
 */
@Injectable()
export class TokenService {
  private readonly sign: (claims: TokenClaims & { jti: string }) => string;
  private readonly verifiers: ((token: string) => VerifiedClaims)[];

  constructor(@Inject(CONFIG) config: AppConfig) {
    this.sign = createSigner({ key: config.jwtSecret, algorithm: 'HS256', expiresIn: config.jwtTtlSeconds * 1000 });
    const secrets = config.jwtPreviousSecret ? [config.jwtSecret, config.jwtPreviousSecret] : [config.jwtSecret];
    this.verifiers = secrets.map((key) => createVerifier({ key, algorithms: ['HS256'], cache: 1000 }));
  }

  issue(claims: TokenClaims): string {
    return this.sign({ ...claims, jti: randomUUID() });
  }

  /** The claims of a valid, unexpired token, or null. */
  verify(token: string): VerifiedClaims | null {
    for (const verifier of this.verifiers) {
      try {
        const claims = verifier(token);
        return typeof claims.sub === 'string' ? claims : null;
      } catch {
        // Not signed with this secret, or expired: try the next one.
      }
    }
    return null;
  }
}
