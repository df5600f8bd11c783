/** A labelled file input that hands over one chosen file and clears itself, so the same file can be chosen again. */
export function FilePicker(props: {
  label: string;
  accept: string;
  testId: string;
  className?: string;
  title?: string;
  onFile(file: File): void;
}) {
  return (
    <label className={props.className} title={props.title}>
      {props.label}
      <input
        type="file"
        accept={props.accept}
        data-testid={props.testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onFile(file);
        }}
      />
    </label>
  );
}
