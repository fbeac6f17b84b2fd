package se.vardag.delivery;

/** The reasons a delivery records and logs, each naming the remedy. */
final class DeliveryErrors {
  private DeliveryErrors() {}

  static String alreadySent(String at, String messageId) {
    return "already sent at " + at + " as " + messageId + "; pass --resend to send it again";
  }

  static String noPassword() {
    return "mail.smtp.user is set but there is no password: put it in the environment variable "
        + "VARDAG_MAIL_SMTP_PASSWORD or in the file named by mail.smtp.password_file";
  }

  static String smtpFailed(int attempts, SmtpFailure f) {
    return (f.temporary() ? "temporary" : "permanent") + " SMTP failure after " + attempts
        + (attempts == 1 ? " attempt" : " attempts") + (f.replyCode() > 0 ? " (reply " + f.replyCode() + ")" : "")
        + ": " + f.reason() + "; the message stays pending and the next run tries again";
  }

  static String outboxFailed(String detail) {
    return "cannot write to the outbox: " + detail + "; check the folder mail.outbox_dir and free space; "
        + "the message stays pending";
  }

  static String composeFailed(String detail) {
    return "cannot compose the message: " + detail;
  }

  static String pendingMissing(String file) {
    return "the pending message " + file + " is missing; run 'jobs/vardag report --as-of D' to render and "
        + "send it again";
  }

  static String notRecipient() {
    return "no longer a recipient (not in mail.to or mail.recipients_file, and not an owner employed at D with "
        + "mail.owners = true); the pending message is dropped";
  }

  static String ledgerUnreadable(String detail) {
    return "cannot read the delivery ledger: " + detail + "; check _delivery/ledger.jsonl under the output folder";
  }
}
