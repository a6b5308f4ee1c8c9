import { useFileWidgetProps, type WidgetProps } from "@rjsf/utils";

import { cx } from "../../../govuk/class-names.ts";
import { getDescribedBy, hasFieldError } from "../../shared/widget-props.ts";

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The widget's value as rjsf's file helper reads it: a data URL, a list of them, or nothing. */
function toDataUrls(value: unknown): string | string[] | undefined {
  if (typeof value === "string") return value;
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : undefined;
}

/**
 * A GOV.UK file upload. The file becomes a data URL with its name (`data:…;name=report.pdf;base64,…`); chosen files
 * are listed with their size and a Remove button. `ui:options.accept` limits the file types.
 */
export default function FileWidget(props: WidgetProps) {
  const { id, htmlName, disabled, readonly, multiple, autofocus, onChange, onBlur, onFocus, options, registry } = props;
  // rjsf types a widget's value as `any`: read it as unknown.
  const value: unknown = props.value;
  const { RemoveButton } = registry.templates.ButtonTemplates;
  const { filesInfo, handleChange, handleRemove } = useFileWidgetProps(toDataUrls(value), onChange, multiple);
  const list = filesInfo.length > 0 && (
    <ul className="govuk-list steward-file-list" aria-label="Chosen files">
      {filesInfo.map((file, index) => (
        <li key={`${file.name}-${index}`} className="steward-file-list__item">
          <span>
            {file.name} ({formatSize(file.size)})
          </span>
          {!readonly && !disabled && (
            <RemoveButton
              className="govuk-!-margin-bottom-0 govuk-!-margin-left-2"
              onClick={() => handleRemove(index)}
              registry={registry}
            >
              Remove<span className="govuk-visually-hidden"> {file.name}</span>
            </RemoveButton>
          )}
        </li>
      ))}
    </ul>
  );
  if (readonly) {
    return (
      list || (
        <p id={id} className="govuk-body steward-readonly-answer">
          No file chosen
        </p>
      )
    );
  }
  return (
    <>
      <input
        id={id}
        name={htmlName ?? id}
        type="file"
        className={cx("govuk-file-upload", hasFieldError(props) && "govuk-file-upload--error")}
        multiple={multiple}
        accept={typeof options.accept === "string" ? options.accept : undefined}
        disabled={disabled}
        autoFocus={autofocus}
        aria-describedby={getDescribedBy(props)}
        // Clear the input after reading, so the same file can be chosen again after removing it.
        onChange={(event) => {
          const { files } = event.target;
          if (files && files.length > 0) {
            const input = event.target;
            void Promise.resolve(handleChange(files)).then(() => {
              input.value = "";
            });
          }
        }}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      {list}
    </>
  );
}
