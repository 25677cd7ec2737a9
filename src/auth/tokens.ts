import { Inject, Injectable } from '@nestjs/common';
import { createSigner, createVerifier } from 'fast-jwt';
import { CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Role } from '../common/enums.js';

export interface TokenClaims {
  sub: string;
  role: Role;
  org: string;
}

/** HS256 JSON Web Tokens that expire (JWT_TTL_SECONDS) and carry the user's role. */
@Injectable()
export class TokenService {
  private readonly sign: (claims: TokenClaims) => string;
  private readonly verifier: (token: string) => TokenClaims & { exp: number };

  constructor(@Inject(CONFIG) config: AppConfig) {
    this.sign = createSigner({ key: config.jwtSecret, algorithm: 'HS256', expiresIn: config.jwtTtlSeconds * 1000 });
    this.verifier = createVerifier({ key: config.jwtSecret, algorithms: ['HS256'], cache: 1000 });
  }

  issue(claims: TokenClaims): string {
    return this.sign(claims);
  }

  /** The claims of a valid, unexpired token, or null. */
  verify(token: string): (TokenClaims & { exp: number }) | null {
    try {
      const claims = this.verifier(token);
      return typeof claims.sub === 'string' ? claims : null;
    } catch {
      return null;
    }
  }
}
