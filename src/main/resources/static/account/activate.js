// the activation form (/account/activate.html#<token>); the token is in the fragment, which no server log or
// referrer receives, and is posted once with the new password
document.getElementById('activate').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.target;
  const result = document.getElementById('result');
  if (form.newPassword.value !== form.repeat.value) {
    result.textContent = '新しいパスワードが確認と一致しません';
    return;
  }
  const response = await fetch('/account/activate', {
    method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({token: location.hash.substring(1), newPassword: form.newPassword.value})
  });
  const body = await response.json();
  result.textContent = body.message;
});
