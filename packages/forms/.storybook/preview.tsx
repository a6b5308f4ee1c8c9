import type { Preview } from "@storybook/react-vite";

import "govuk-frontend/dist/govuk/govuk-frontend.min.css";
import "../src/styles/steward-forms.css";

// Pages as GOV.UK services lay them out: the template body classes, a width container and a main landmark.
document.documentElement.classList.add("govuk-template");
document.body.classList.add("govuk-template__body", "govuk-frontend-supported");

const preview: Preview = {
  parameters: { layout: "fullscreen", controls: { expanded: true } },
  decorators: [
    (Story) => (
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          <Story />
        </main>
      </div>
    ),
  ],
};

export default preview;
