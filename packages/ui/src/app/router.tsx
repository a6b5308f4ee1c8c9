import { createBrowserRouter, Link, type RouteObject } from "react-router";

import { usePageTitle } from "../components/page-title.tsx";
import { AcceptInvitePage, SignInPage } from "../features/auth/sign-in-page.tsx";
import { PublicLayout, SignedInLayout, type ShellProps } from "./layout.tsx";

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
 * app's own pages in the signed-in shell, and "page not found" for the rest.
 */
export function createStewardRouter(
  shell: ShellProps,
  pages: RouteObject[],
  options: { basename: string; homeLabel: string },
) {
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
        children: [...pages, { path: "*", element: <NotFoundPage homeLabel={options.homeLabel} /> }],
      },
    ],
    { basename: options.basename },
  );
}
