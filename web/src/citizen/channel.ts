/** Inside a WeChat mini-program's web-view the letter came by the mini-program, else by the website. */
export function citizenChannel(): 'web' | 'miniprogram' {
  const inMiniProgram =
    (window as { __wxjs_environment?: string }).__wxjs_environment === 'miniprogram' ||
    /miniProgram/i.test(navigator.userAgent);
  return inMiniProgram ? 'miniprogram' : 'web';
}
