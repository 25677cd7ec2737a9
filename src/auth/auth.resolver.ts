import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, type GqlContext } from '../graphql/context.js';
import { AuthPayload, User } from '../users/user.model.js';
import { Public } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginArgs } from './dto/login.args.js';
import type { Viewer } from './viewer.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchanges an e-mail and password for a bearer token' })
  login(@Args() { email, password }: LoginArgs, @Context() context: GqlContext): Promise<AuthPayload> {
    return this.auth.login(email, password, context.req.ip);
  }

  @Query(() => User, { description: 'The signed-in user' })
  me(@CurrentViewer() viewer: Viewer): User {
    return { ...viewer, disabled: false };
  }
}
