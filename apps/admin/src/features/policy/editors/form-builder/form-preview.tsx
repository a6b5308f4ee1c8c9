import { Component, type ReactNode } from "react";

import { getPages, getPageSchema, getPageUiSchema, GovukForm } from "@steward/forms";

type Json = Record<string, unknown>;

/** Shows why a preview cannot be drawn instead of the studio failing with it. */
class PreviewBoundary extends Component<{ children: ReactNode }, { error?: string }> {
  override state: { error?: string } = {};
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    if (this.state.error)
      return (
        <p className="govuk-body">
          The form cannot be drawn as it is: {this.state.error}. Schools would see an error: fix the problems listed
          above.
        </p>
      );
    return this.props.children;
  }
}

const noButton = { "ui:submitButtonOptions": { norender: true } };

/** One page of the form, drawn by the same theme the portal uses, as a part of the studio's page (not a form in it). */
function PreviewPage({ id, schema, uiSchema }: { id: string; schema: Json; uiSchema: Json }) {
  return (
    <GovukForm
      tagName="div"
      idPrefix={id}
      schema={schema}
      uiSchema={{ ...uiSchema, ...noButton }}
      noValidate
      showErrorList={false}
    >
      <></>
    </GovukForm>
  );
}

/** The form as the people it is for will see it: every page one after another. */
export function FormPreview({ id, schema, uiSchema }: { id: string; schema: Json; uiSchema: Json }) {
  const pages = getPages(schema, uiSchema);
  return (
    <div className="steward-form-builder__preview">
      <PreviewBoundary key={JSON.stringify([schema, uiSchema])}>
        {pages ? (
          pages.map((page, i) => (
            <PreviewPage
              key={i}
              id={`${id}-page${i + 1}`}
              schema={getPageSchema(schema, page)}
              uiSchema={getPageUiSchema(uiSchema, page, `Page ${i + 1} of ${pages.length}`)}
            />
          ))
        ) : (
          <PreviewPage id={id} schema={schema} uiSchema={uiSchema} />
        )}
      </PreviewBoundary>
    </div>
  );
}
