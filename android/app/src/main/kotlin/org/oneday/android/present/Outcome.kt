package org.oneday.android.present

/**
 * What a screen gets back from a call into core: the value, or core's refusal as a [UserMessage].
 *
 * Only the bindings' own exceptions become [Refused]; anything else is a bug and is thrown.
 */
sealed interface Outcome<out T> {
    /** The call succeeded with [value]. */
    data class Done<out T>(
        /** What the call returned. */
        val value: T,
    ) : Outcome<T>

    /** Core refused or failed; [message] says what to do. */
    data class Refused(
        /** The message to show. */
        val message: UserMessage,
    ) : Outcome<Nothing>

    /** The value, or `null` when refused. */
    fun valueOrNull(): T? = (this as? Done<T>)?.value

    /** The message, or `null` when done. */
    fun messageOrNull(): UserMessage? = (this as? Refused)?.message

    /** The same outcome with its value transformed by [transform] (a refusal stays as it is). */
    fun <R> map(transform: (T) -> R): Outcome<R> = when (this) {
        is Done -> Done(transform(value))
        is Refused -> this
    }
}

/** Runs [block], turning the bindings' exceptions into [Outcome.Refused] and rethrowing the rest. */
internal inline fun <T> outcomeOf(block: () -> T): Outcome<T> =
    try {
        Outcome.Done(block())
    } catch (e: Exception) {
        Outcome.Refused(UserMessage.from(e) ?: throw e)
    }
