import type { ComponentType } from "react";
import { createBrowserRouter, Link, type RouteObject } from "react-router";

import { usePageTitle } from "../components/page-title.tsx";
import { AcceptInvitePage, SignInPage } from "../features/auth/sign-in-page.tsx";
import type { Audience } from "../lib/audience.ts";
import type { NavigationItem } from "../lib/menu.ts";
import { PublicLayout, SignedInLayout, type ShellProps } from "./layout.tsx";

/**
 * Steward's two apps, by the audience each is for: where apps/server serves it, its service name, and what the other
 * app calls it (a user signed in to the wrong one is sent to the right one).
 */
const STEWARD_APPS: Record<Audience, { path: `/${string}/`; serviceName: string; name: string }> = {
  la: { path: "/admin/", serviceName: "Steward", name: "LA casework service" },
  school: { path: "/portal/", serviceName: "Steward for schools", name: "school portal" },
};

/** An app's page; `menu` puts it in the menu, shown to the roles that allow what it `needs` ("read Case"). */
export type StewardPage = RouteObject & { menu?: { label: string; needs: string[]; countsWork?: boolean } };

/**
 * The pages of a module loaded when first visited (a module of page components): `const casePage =
 * lazyPages(() => import("./routes.tsx"))`, then `{ path: "visits", lazy: casePage("VisitsPage") }`.
 */
export function lazyPages<Module extends { [Name in keyof Module]: ComponentType }>(load: () => Promise<Module>) {
  return (name: keyof Module & string) => async () => ({ Component: (await load())[name] });
}

/** The menu: the pages that have a `menu` entry, in order (the home page matched exactly). */
function menuOf(pages: StewardPage[]): NavigationItem[] {
  return pages.flatMap(({ menu, index, path }) =>
    menu ? [{ to: index ? "/" : `/${path ?? ""}`, ...menu, ...(index ? { end: true } : {}) }] : [],
  );
}

/** The page for an address the app does not have, with a link back to its home page. */
export function NotFoundPage({ homeLabel }: { homeLabel: string }) {
  usePageTitle("Page not found");
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/">
          {homeLabel}
        </Link>
      </p>
    </>
  );
}

/**
 * An app's router: sign-in and invitation pages in the public shell, the
 * app's own pages in the signed-in shell (its menu from their `menu`
 * entries), and "page not found" for the rest.
 */
export function createStewardRouter(app: { audience: Audience; homeLabel: string }, pages: StewardPage[]) {
  const { path, serviceName } = STEWARD_APPS[app.audience];
  const other = STEWARD_APPS[app.audience === "la" ? "school" : "la"];
  const shell: ShellProps = {
    serviceName,
    appPath: path,
    audience: app.audience,
    otherApp: { path: other.path, name: other.name },
    navigation: menuOf(pages),
  };
  return createBrowserRouter(
    [
      {
        element: <PublicLayout {...shell} />,
        children: [
          { path: "sign-in", element: <SignInPage audience={shell.audience} /> },
          { path: "invite", element: <AcceptInvitePage /> },
        ],
      },
      {
        element: <SignedInLayout {...shell} />,
        children: [...pages, { path: "*", element: <NotFoundPage homeLabel={app.homeLabel} /> }],
      },
    ],
    { basename: path.slice(0, -1) },
  );
}
