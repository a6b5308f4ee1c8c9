import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, type ReactNode } from "react";
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from "react-router";

import { TitleSuffixContext } from "../components/page-title.tsx";
import { Loading, QueryError } from "../components/ui.tsx";
import type { Audience } from "../lib/audience.ts";
import { canSee, redirectFromHome, type NavigationItem } from "../lib/menu.ts";
import { setCsrfToken, useTRPC } from "../trpc.ts";
import { SessionContext, useMeQuery, type Me } from "./session.tsx";

/** Moves focus to the new page's main heading after a client-side navigation, as a full page load would. */
function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = window.setTimeout(() => {
      if (location.hash) return;
      const heading = document.querySelector<HTMLElement>("main h1");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus({ preventScroll: false });
      } else document.getElementById("main-content")?.focus();
    }, 50);
    return () => window.clearTimeout(timer);
  }, [location.pathname, location.hash]);
}

function Header({
  me,
  serviceName,
  appPath,
  navigation,
}: {
  me: Me | null;
  serviceName: string;
  appPath: string;
  navigation: NavigationItem[];
}) {
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <header className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <a href={appPath} className="govuk-generic-header__homepage-link">
              {serviceName}
            </a>
          </div>
        </div>
      </header>
      <section
        aria-label="Service information"
        className="govuk-service-navigation"
        data-module="govuk-service-navigation"
      >
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link to="/" className="govuk-service-navigation__link" data-testid="authority-name">
                {me ? me.tenant.name : serviceName}
              </Link>
            </span>
            {me && <Menu me={me} navigation={navigation} />}
          </div>
        </div>
      </section>
    </>
  );
}

/** The menu: the pages the user's permissions allow, and signing out. */
function Menu({ me, navigation }: { me: Me; navigation: NavigationItem[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: async () => {
        setCsrfToken(undefined);
        queryClient.clear();
        await navigate("/sign-in", { replace: true });
      },
    }),
  );
  const items = navigation.filter((item) => canSee(me, item.needs));
  // The count of open work beside the inbox's menu item, when the menu has one the user may see.
  const counts = useQuery(
    trpc.tasks.counts.queryOptions(undefined, { enabled: items.some((item) => item.countsWork === true) }),
  );
  const labelOf = (item: NavigationItem) =>
    item.countsWork && counts.data ? `${item.label} (${counts.data.total})` : item.label;
  return (
    <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
      <ul className="govuk-service-navigation__list" id="navigation">
        {items.map((item) => (
          <li key={item.to} className="govuk-service-navigation__item">
            <NavLink to={item.to} end={item.end} className="govuk-service-navigation__link">
              {({ isActive }) =>
                isActive ? (
                  <strong className="govuk-service-navigation__active-fallback">{labelOf(item)}</strong>
                ) : (
                  labelOf(item)
                )
              }
            </NavLink>
          </li>
        ))}
        <li className="govuk-service-navigation__item">
          <button
            type="button"
            className="govuk-service-navigation__link steward-link-button"
            onClick={() => signOut.mutate({})}
          >
            Sign out<span className="govuk-visually-hidden"> ({me.user.displayName})</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}

function Footer() {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <p className="govuk-body-s">
              School data contains public sector information licensed under the Open Government Licence v3.0.
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}

export interface ShellProps {
  serviceName: string;
  appPath: string;
  /** The audience this app is for; the other is sent to its own app. */
  audience: Audience;
  otherApp: { path: string; name: string };
  navigation: NavigationItem[];
}

function Frame({ me, shell, children }: { me: Me | null; shell: ShellProps; children: ReactNode }) {
  useFocusOnNavigate();
  return (
    <TitleSuffixContext.Provider value={me ? `${me.tenant.name} – ${shell.serviceName}` : shell.serviceName}>
      <Header me={me} serviceName={shell.serviceName} appPath={shell.appPath} navigation={shell.navigation} />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <Footer />
    </TitleSuffixContext.Provider>
  );
}

/** The pages behind sign-in: without a session, the sign-in page (then back here). */
export function SignedInLayout(shell: ShellProps) {
  const me = useMeQuery();
  const location = useLocation();
  if (me.isPending)
    return (
      <Frame me={null} shell={shell}>
        <Loading />
      </Frame>
    );
  if (me.isError)
    return (
      <Frame me={null} shell={shell}>
        <QueryError error={me.error} />
      </Frame>
    );
  if (!me.data)
    return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <SessionContext.Provider value={me.data}>
      <Frame me={me.data} shell={shell}>
        {me.data.audience !== shell.audience ? (
          <WrongApp shell={shell} />
        ) : (
          <PermittedPages me={me.data} navigation={shell.navigation} />
        )}
      </Frame>
    </SessionContext.Provider>
  );
}

/**
 * The app's pages; a user whose roles do not allow what the home page needs
 * (a clerk who reads only letters, on the school's overview) goes to the first
 * page of the menu they may see instead.
 */
function PermittedPages({ me, navigation }: { me: Me; navigation: NavigationItem[] }) {
  const location = useLocation();
  const elsewhere = redirectFromHome(me, navigation, location.pathname);
  return elsewhere ? <Navigate to={elsewhere} replace /> : <Outlet />;
}

function WrongApp({ shell }: { shell: ShellProps }) {
  useEffect(() => {
    document.title = `You are signed in to the other service – ${shell.serviceName}`;
  }, [shell.serviceName]);
  return (
    <>
      <h1 className="govuk-heading-l">This service is not for your account</h1>
      <p className="govuk-body">
        Your account is for the{" "}
        <a href={shell.otherApp.path} className="govuk-link">
          {shell.otherApp.name}
        </a>
        .
      </p>
    </>
  );
}

/** Public pages (sign in, accept an invitation). */
export function PublicLayout(shell: ShellProps) {
  const me = useMeQuery();
  return (
    <Frame me={me.data ?? null} shell={shell}>
      <Outlet />
    </Frame>
  );
}
