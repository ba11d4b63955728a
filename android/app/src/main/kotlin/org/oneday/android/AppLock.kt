package org.oneday.android

import android.app.Activity
import android.hardware.biometrics.BiometricManager
import android.hardware.biometrics.BiometricManager.Authenticators.BIOMETRIC_STRONG
import android.hardware.biometrics.BiometricManager.Authenticators.DEVICE_CREDENTIAL
import android.hardware.biometrics.BiometricPrompt
import android.os.CancellationSignal

/**
 * The app lock on start: the framework's BiometricPrompt with the phone's own PIN, pattern or password,
 * or a strong biometric (Android 11+, API 30: the app's minSdk). No AndroidX.
 *
 * On a phone with no screen lock at all there is nothing to check against: [prompt] reports it as
 * [Result.NO_LOCK_SET] and the caller decides what to show.
 */
class AppLock(private val activity: Activity) {
    /** How a prompt ended. */
    enum class Result {
        /** The user proved it is them. */
        UNLOCKED,

        /** The user cancelled or failed too often; the app stays locked. */
        NOT_UNLOCKED,

        /** The phone has no PIN, pattern, password or strong biometric. */
        NO_LOCK_SET,
    }

    private var cancel: CancellationSignal? = null

    /** Shows the prompt titled [title]; [done] runs on the main thread with the outcome. */
    fun prompt(title: String, done: (Result) -> Unit) {
        val manager = activity.getSystemService(BiometricManager::class.java)
        if (manager == null || manager.canAuthenticate(AUTHENTICATORS) != BiometricManager.BIOMETRIC_SUCCESS) {
            done(Result.NO_LOCK_SET)
            return
        }
        val prompt = BiometricPrompt.Builder(activity)
            .setTitle(title)
            .setAllowedAuthenticators(AUTHENTICATORS)
            .setConfirmationRequired(false)
            .build()
        val signal = CancellationSignal().also { cancel = it }
        prompt.authenticate(
            signal,
            activity.mainExecutor,
            object : BiometricPrompt.AuthenticationCallback() {
                override fun onAuthenticationSucceeded(result: BiometricPrompt.AuthenticationResult) {
                    done(Result.UNLOCKED)
                }

                override fun onAuthenticationError(errorCode: Int, errString: CharSequence) {
                    done(Result.NOT_UNLOCKED)
                }
            },
        )
    }

    /** Dismisses a prompt still showing (the activity is going away). */
    fun cancel() {
        cancel?.cancel()
        cancel = null
    }

    private companion object {
        const val AUTHENTICATORS = BIOMETRIC_STRONG or DEVICE_CREDENTIAL
    }
}
