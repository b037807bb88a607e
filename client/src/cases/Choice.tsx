/**
 * One of a few answers as a row of radio buttons, none chosen until the person chooses one: what a form
 * records as an outcome is never assumed. `name` must be unique on the page (one form a case and step).
 */
export function Choice<T extends string>({ name, legend, options, value, onChange, error }: {
  name: string; legend: string; options: readonly (readonly [T, string])[]; value: T | ''; onChange: (v: T) => void; error: string | undefined
}) {
  return (
    <fieldset className="choice" aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {options.map(([v, text]) => (
        <label key={v} className={value === v ? 'chosen' : ''}>
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} /> {text}
        </label>
      ))}
      {error && <span className="field-error" role="alert">{error}</span>}
    </fieldset>
  )
}

/** A yes/no answer for `Choice`, unset as `''`. */
export const yesNo = (b: boolean | null): 'yes' | 'no' | '' => (b === null ? '' : b ? 'yes' : 'no')
