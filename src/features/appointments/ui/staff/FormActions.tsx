/** The end of each of Tidbok's forms: the server's refusal (read out at once), then submit and a way back. */
export function FormActions(props: { error: Error | null; pending: boolean; submit: string; submitting?: string; cancel: string; onCancel: () => void; danger?: boolean }) {
  return (
    <>
      {props.error && (
        <p role="alert" className="alert alert--error">
          {props.error.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className={props.danger ? 'button tidbok-panel__danger-solid' : 'button'} disabled={props.pending}>
          {props.pending && props.submitting ? props.submitting : props.submit}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          {props.cancel}
        </button>
      </div>
    </>
  );
}
