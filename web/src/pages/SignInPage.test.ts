import { describe, expect, it } from 'vitest';
import { nextPath } from './SignInPage';

describe('the page to go back to after signing in', () => {
  it('is the page the user was on', () => {
    expect(nextPath('/states/KIR?tab=contacts#x')).toBe('/states/KIR?tab=contacts#x');
  });
  it('is the dashboard when none, or when it would leave the site', () => {
    expect(nextPath(null)).toBe('/');
    expect(nextPath('https://evil.example/')).toBe('/');
    expect(nextPath('//evil.example/')).toBe('/');
  });
});
