import { shortenUnchanged, type TextPart } from "@steward/policy-config";

/**
 * A text compared word by word: added words in <ins> (underlined), removed
 * ones in <del> (struck through), each announced as added or removed; long
 * unchanged runs are shortened to the words beside a change.
 */
export function WordDiff({ parts }: { parts: TextPart[] }) {
  return (
    <p className="govuk-body steward-word-diff" data-testid="word-diff">
      {shortenUnchanged(parts).map((part, index) => {
        const key = `${index}-${part.kind}`;
        if (part.kind === "added")
          return (
            <ins key={key}>
              <span className="govuk-visually-hidden">[added: </span>
              {part.text}
              <span className="govuk-visually-hidden">]</span>
            </ins>
          );
        if (part.kind === "removed")
          return (
            <del key={key}>
              <span className="govuk-visually-hidden">[removed: </span>
              {part.text}
              <span className="govuk-visually-hidden">]</span>
            </del>
          );
        return <span key={key}>{part.text}</span>;
      })}
    </p>
  );
}
