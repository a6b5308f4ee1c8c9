import { HealthPage } from "./features/health/health-page.tsx";

export function App() {
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <header className="govuk-header" data-module="govuk-header">
        <div className="govuk-header__container govuk-width-container">
          <div className="govuk-header__logo">
            <a href="/portal/" className="govuk-header__link govuk-header__link--homepage">
              <span className="govuk-header__logotype-text">Steward for schools</span>
            </a>
          </div>
        </div>
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <span className="govuk-caption-l">Your school's improvement case</span>
          <HealthPage />
        </main>
      </div>
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
    </>
  );
}
