package org.oneday.android

import android.content.Intent
import android.os.Bundle
import org.oneday.android.present.CallModel

/**
 * The "Call sponsor" launcher shortcut: one tap reaches whoever core's call plan puts first (the
 * sponsor, else the next contact, else a crisis line or the emergency number) and finishes without
 * drawing anything. When the plan has nothing to launch, or the vault cannot be opened without the
 * user (recovery code needed), the app opens on its Call screen instead.
 *
 * No app lock here: in a crisis the call comes first, and the shortcut shows no data of the vault.
 */
class CallSponsorShortcutActivity : SecureActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val uri = VaultHolder.withBackgroundVault(this) { vault -> CallModel(vault).call().valueOrNull()?.launchUri }
        if (uri == null || !CallLauncher.launch(this, uri)) {
            startActivity(
                Intent(this, MainActivity::class.java)
                    .putExtra(MainActivity.EXTRA_TAB, MainActivity.TAB_CALL)
                    .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK),
            )
        }
        finish()
    }
}
