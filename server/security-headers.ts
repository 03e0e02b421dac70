// Headers every response carries. The policy allows only this origin's own scripts and styles (no
// inline code), so an injected string cannot run; FRAME_ANCESTORS names the portals that may frame it.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export function securityHeaders(
  frameAncestors: string,
  formActions: readonly string[] = [],
): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'", ...formActions],
      frameAncestors: [frameAncestors],
    },
    // X-Frame-Options cannot list portals; where frame-ancestors allows more than this origin, an
    // old header saying otherwise would only confuse, so it is sent only when the two agree.
    xFrameOptions: legacyFrameOptions(frameAncestors),
    permissionsPolicy: {
      camera: false,
      microphone: false,
      geolocation: false,
      payment: false,
      usb: false,
    },
    // Lets the embed script (which sets its own Cross-Origin-Resource-Policy) keep that header.
    overwrite: false,
  });
}

function legacyFrameOptions(frameAncestors: string): string | false {
  if (frameAncestors === "'self'") return 'SAMEORIGIN';
  if (frameAncestors === "'none'") return 'DENY';
  return false;
}
