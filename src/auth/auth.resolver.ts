import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, type GqlContext } from '../graphql/context.js';
import { AuthPayload, User } from '../users/user.model.js';
import { Public } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordArgs } from './dto/change-password.args.js';
import { LoginArgs } from './dto/login.args.js';
import type { Viewer } from './viewer.js';

/** The client's address, for the sign-in limits (a WebSocket operation's context has no HTTP request). */
const clientIp = (context: GqlContext): string => context.req?.ip ?? 'websocket';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchanges an e-mail and password for a bearer token' })
  login(@Args() { email, password }: LoginArgs, @Context() context: GqlContext): Promise<AuthPayload> {
    return this.auth.login(email, password, clientIp(context));
  }

  @Mutation(() => AuthPayload, {
    description:
      'Changes your password. Every token issued to you before stops working, this one included: use the token in the answer. A wrong current password counts as a failed sign-in',
  })
  changePassword(
    @CurrentViewer() viewer: Viewer,
    @Args() { currentPassword, newPassword }: ChangePasswordArgs,
    @Context() context: GqlContext,
  ): Promise<AuthPayload> {
    return this.auth.changePassword(viewer, currentPassword, newPassword, clientIp(context));
  }

  @Mutation(() => Boolean, { description: "Signs out: the token this request carries stops working (your other tokens don't)" })
  logout(@CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.auth.logout(viewer);
  }

  @Query(() => User, { description: 'The signed-in user' })
  me(@CurrentViewer() viewer: Viewer): User {
    const { token: _token, ...user } = viewer;
    return { ...user, disabled: false };
  }
}
